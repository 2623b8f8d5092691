using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// Proves the scanner on tests/BoardKit.SubsetGuard.Samples: every Forbidden sample is reported by name and
    /// attributed to its method; the Allowed samples (including the lowerings in NanoEquivalences) yield nothing.
    /// </summary>
    [TestClass]
    public sealed class AssemblyReferenceScannerTests
    {
        private const string ForbiddenNamespace = "BoardKit.SubsetGuard.Samples.Forbidden.";
        private const string AllowedNamespace = "BoardKit.SubsetGuard.Samples.Allowed.";

        private static IReadOnlyList<ApiSurfaceViolation> SampleViolations =>
            AssemblyReferenceScanner.Scan(GuardFiles.SamplesAssemblyPath, GuardFiles.Surface);

        [TestMethod]
        [DataRow("ListSample", ViolationKind.MissingType, "System.Collections.Generic.List`1")]
        [DataRow("ListSample", ViolationKind.Generic, "System.Collections.Generic.List`1<System.Int32>")]
        [DataRow("LinqSample", ViolationKind.MissingType, "System.Linq.Enumerable")]
        [DataRow("LinqSample", ViolationKind.Generic, "System.Func`2<System.Int32,System.Boolean>")]
        [DataRow("StringReplaceSample", ViolationKind.MissingMember, "System.String::Replace(System.String,System.String)")]
        [DataRow("SpanSample", ViolationKind.MissingType, "System.Span`1")]
        [DataRow("SpanSample", ViolationKind.Generic, "System.Span`1<System.Byte>")]
        [DataRow("CharIsDigitSample", ViolationKind.MissingMember, "System.Char::IsDigit(System.Char)")]
        [DataRow("DateTimeNowSample", ViolationKind.MissingMember, "System.DateTime::get_Now()")]
        [DataRow("NullableIntSample", ViolationKind.MissingType, "System.Nullable`1")]
        [DataRow("NullableIntSample", ViolationKind.Generic, "System.Nullable`1<System.Int32>")]
        [DataRow("TimeSpanFromSecondsSample", ViolationKind.MissingMember, "System.TimeSpan::FromSeconds(System.Double)")]
        [DataRow("MultidimensionalArraySample", ViolationKind.Unsupported, "System.Int32[,]")]
        [DataRow("HashtableContainsKeySample", ViolationKind.MissingMember, "System.Collections.Hashtable::ContainsKey(System.Object)")]
        [DataRow("ArrayEmptySample", ViolationKind.Generic, "System.Array::Empty``1()")]
        public void Scan_ForbiddenSample_ReportsTheApiByNameAndUser(string sample, ViolationKind kind, string name)
        {
            IReadOnlyList<ApiSurfaceViolation> violations = SampleViolations;

            ApiSurfaceViolation? match = violations.FirstOrDefault(v => v.Kind == kind && v.Name == name);
            Assert.IsNotNull(match, $"{kind} {name} not reported. Reported:\n" + string.Join("\n", violations));
            Assert.IsTrue(
                match.UsedBy.Any(u => u.StartsWith(ForbiddenNamespace + sample, System.StringComparison.Ordinal)),
                $"{name} reported, but not as used by {sample}: {match}");
        }

        [TestMethod]
        public void Scan_AllowedSamples_ReportNoViolation()
        {
            var allowedViolations = SampleViolations
                .Where(v => v.UsedBy.Any(u => u.StartsWith(AllowedNamespace, System.StringComparison.Ordinal)))
                .ToList();

            Assert.IsEmpty(allowedViolations, "False positives on allowed code:\n" + string.Join("\n", allowedViolations));
        }

        [TestMethod]
        public void Scan_SamplesAssembly_EveryViolationComesFromAForbiddenSample()
        {
            // Guards against violations from compiler-generated code (embedded attributes, <PrivateImplementationDetails>,
            // assembly attributes) and against metadata rows the walk failed to attribute to any method.
            var stray = SampleViolations
                .Where(v => v.UsedBy.Count == 0 || v.UsedBy.Any(u => !u.StartsWith(ForbiddenNamespace, System.StringComparison.Ordinal)))
                .ToList();

            Assert.IsEmpty(stray, "Violations not attributed to a Forbidden sample:\n" + string.Join("\n", stray));
        }

        [TestMethod]
        [DataRow("System.Threading.Monitor::Enter")]
        [DataRow("System.String::Format")]
        [DataRow("System.Security.Cryptography.HashAlgorithm::ComputeHash")]
        [DataRow("System.Threading.EventWaitHandle::Set")]
        [DataRow("System.Threading.Interlocked::CompareExchange")]
        [DataRow("System.Array::Empty")]
        public void SamplesAssembly_AllowedLowering_IsReallyEmittedByTheHostCompiler(string member)
        {
            // Scan_AllowedSamples_ReportNoViolation only proves the equivalence map if the host compiler really
            // emitted the netstandard shapes it maps; this pins that the samples still contain them.
            using var stream = System.IO.File.OpenRead(GuardFiles.SamplesAssemblyPath);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var names = reader.MemberReferences
                .Select(reader.GetMemberReference)
                .Where(m => m.Parent.Kind == System.Reflection.Metadata.HandleKind.TypeReference)
                .Select(m => SignatureNameProvider.TypeRefName(reader, (System.Reflection.Metadata.TypeReferenceHandle)m.Parent) + "::" + reader.GetString(m.Name))
                .ToList();

            CollectionAssert.Contains(names, member);
        }

        [TestMethod]
        public void Scan_TimeSpanFromSeconds_CarriesTheHint()
        {
            ApiSurfaceViolation violation = SampleViolations.Single(v => v.Name == "System.TimeSpan::FromSeconds(System.Double)");

            Assert.Contains("FromTicks", violation.Detail);
        }
    }
}
