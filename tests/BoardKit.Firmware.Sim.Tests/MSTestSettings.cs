using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each test starts its own broker on its own port and its own boards: they may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel, Workers = 2)]
