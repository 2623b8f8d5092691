using Microsoft.VisualStudio.TestTools.UnitTesting;

// Tests that start servers or read large fonts run one class at a time per assembly, methods in parallel.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
