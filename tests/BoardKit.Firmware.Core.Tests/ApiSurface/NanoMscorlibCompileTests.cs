using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// Compiles with Roslyn against nanoFramework's own mscorlib.dll (NuGet nanoFramework.CoreLibrary 1.17.11) and
    /// nothing else, as firmware/BoardKit.Firmware.Core.Nano does at build time: the core compiles, and code using what
    /// the device lacks does not. Proves the mscorlib-only build is a real check, not a build that happens to pass.
    /// </summary>
    [TestClass]
    public sealed class NanoMscorlibCompileTests
    {
        private static readonly string NanoDir = Path.Combine(AppContext.BaseDirectory, "nanoframework");

        private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
            CSharpCompilation.Create(
                "NanoCheck",
                trees,
                new[] { MetadataReference.CreateFromFile(Path.Combine(NanoDir, "mscorlib.dll")) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private static SyntaxTree Parse(string code, string path = "sample.cs") =>
            CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12), path);

        private static string[] Errors(string code) => Compile(new[] { Parse(code) }).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage()).ToArray();

        [TestMethod]
        public void CoreSources_AgainstNanoMscorlibAlone_CompileWithoutErrors()
        {
            string[] files = Directory.GetFiles(Path.Combine(NanoDir, "core"), "*.cs", SearchOption.AllDirectories);
            Assert.IsGreaterThan(40, files.Length, "the core's sources were copied next to the tests");
            CSharpCompilation compilation = Compile(files.Select(f => Parse(File.ReadAllText(f), f)));
            string[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            Assert.AreEqual(0, errors.Length, string.Join(Environment.NewLine, errors.Take(20)));
            Assert.AreEqual("mscorlib", compilation.References.Select(r => Path.GetFileNameWithoutExtension(r.Display)).Single());
        }

        [TestMethod]
        [DataRow("List<T>", "using System.Collections.Generic; class C { object M() { return new List<int>(); } }", "CS0234")]
        [DataRow("Dictionary<,>", "using System.Collections.Generic; class C { object M() { return new Dictionary<int, int>(); } }", "CS0234")]
        [DataRow("LINQ", "using System.Linq; class C { int M(int[] a) { return a.Count(); } }", "CS0234")]
        [DataRow("Span<T>", "class C { int M(byte[] a) { System.Span<byte> s = a; return s.Length; } }", "CS0234")]
        [DataRow("StringBuilder (nanoFramework.System.Text)", "class C { string M() { return new System.Text.StringBuilder().ToString(); } }", "CS0234")]
        [DataRow("Encoding.UTF8 (nanoFramework.System.Text)", "class C { byte[] M(string s) { return System.Text.Encoding.UTF8.GetBytes(s); } }", "CS0234")]
        [DataRow("Hashtable (nanoFramework.System.Collections)", "class C { object M() { return new System.Collections.Hashtable(); } }", "CS0234")]
        [DataRow("Math (nanoFramework.System.Math)", "class C { double M(double x) { return System.Math.Sqrt(x); } }", "CS0234")]
        [DataRow("string.Replace", "class C { string M(string s) { return s.Replace(\"a\", \"b\"); } }", "CS1061")]
        [DataRow("char.IsDigit", "class C { bool M(char c) { return char.IsDigit(c); } }", "CS0117")]
        [DataRow("DateTime.Now", "class C { System.DateTime M() { return System.DateTime.Now; } }", "CS0117")]
        [DataRow("async/Task", "class C { async System.Threading.Tasks.Task M() { await System.Threading.Tasks.Task.Yield(); } }", "CS0234")]
        public void DeviceLacksIt_AgainstNanoMscorlib_IsACompileError(string what, string code, string expectedError)
        {
            string[] errors = Errors(code);
            Assert.IsTrue(errors.Any(e => e.StartsWith(expectedError, StringComparison.Ordinal)), what + ": " + string.Join("; ", errors));
        }

        [TestMethod]
        public void AllowedCode_AgainstNanoMscorlib_Compiles()
        {
            const string Code = @"
using System.Collections;
class C
{
    int M(string s, byte[] b)
    {
        var list = new ArrayList();
        list.Add(s.Substring(1));
        System.Array.Copy(b, 0, b, 1, 1);
        lock (list) { }
        return list.Count + s.IndexOf('x') + new string('a', 2).Length;
    }
}";
            CollectionAssert.AreEqual(Array.Empty<string>(), Errors(Code));
        }
    }
}
