using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    [TestClass]
    public sealed class NanoApiSurfaceTests
    {
        private static readonly string[] Sample =
        {
            "# comment line, ignored",
            "# base Ns.Derived Ns.Base",
            "# base Ns.IList Ns.ICollection,Ns.IEnumerable",
            "# excludetype Ns.Excluded",
            "T Ns.Base",
            "T Ns.Derived",
            "T Ns.Outer+Inner",
            "M Ns.Base::Run(System.Int32,System.Byte[])",
            "M Ns.Base::.ctor()",
            "M Ns.IEnumerable::GetEnumerator()",
            "M System.Object::ToString()",
            "P Ns.Base::Size get",
            "P Ns.Base::Item(System.Int32) get set",
            "F Ns.Base::Zero",
            "E Ns.Base::Changed",
        };

        [TestMethod]
        public void Load_RepoCopy_HasTheHeaderEntryCount()
        {
            // The file's header (and firmware/nanoframework/README.md) state 1,413 entry lines.
            Assert.AreEqual(1413, GuardFiles.Surface.EntryCount);
        }

        [TestMethod]
        public void HasMethod_DeclaredOnBase_FoundThroughBaseLine()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasMethod("Ns.Derived", "Run", "System.Int32,System.Byte[]"));
            Assert.IsFalse(surface.HasMethod("Ns.Derived", "Run", "System.Int32"));
        }

        [TestMethod]
        public void HasMethod_Constructor_NotInherited()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasMethod("Ns.Base", ".ctor", string.Empty));
            Assert.IsFalse(surface.HasMethod("Ns.Derived", ".ctor", string.Empty));
        }

        [TestMethod]
        public void HasMethod_InterfaceWithSeveralBases_WalksAll()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasMethod("Ns.IList", "GetEnumerator", string.Empty));
        }

        [TestMethod]
        public void HasMethod_ObjectMemberOnValueType_FoundThroughObject()
        {
            // netstandard emits System.Int32::GetHashCode(); nano's Int32 inherits it from Object.
            Assert.IsTrue(GuardFiles.Surface.HasMethod("System.Int32", "GetHashCode", string.Empty));
            Assert.IsTrue(GuardFiles.Surface.HasMethod("System.Int32", "Equals", "System.Object"));
            Assert.IsFalse(GuardFiles.Surface.HasMethod("System.Int32", "Equals", "System.Int32"));
        }

        [TestMethod]
        public void HasPropertyAccessor_GetterOnly_SetterNotFound()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasPropertyAccessor("Ns.Derived", "Size", string.Empty, setter: false));
            Assert.IsFalse(surface.HasPropertyAccessor("Ns.Base", "Size", string.Empty, setter: true));
        }

        [TestMethod]
        public void HasPropertyAccessor_Indexer_MatchesIndexParameters()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasPropertyAccessor("Ns.Base", "Item", "System.Int32", setter: true));
            Assert.IsFalse(surface.HasPropertyAccessor("Ns.Base", "Item", "System.String", setter: false));
            Assert.IsTrue(GuardFiles.Surface.HasPropertyAccessor("System.String", "Chars", "System.Int32", setter: false));
        }

        [TestMethod]
        public void Parse_FieldsEventsNestedAndExcluded_Recognised()
        {
            NanoApiSurface surface = NanoApiSurface.Parse(Sample);

            Assert.IsTrue(surface.HasField("Ns.Derived", "Zero"));
            Assert.IsTrue(surface.HasEvent("Ns.Base", "Changed"));
            Assert.IsTrue(surface.HasType("Ns.Outer+Inner"));
            Assert.IsTrue(surface.IsExcludedType("Ns.Excluded"));
            Assert.IsFalse(surface.IsExcludedType("Ns.Base"));
        }

        [TestMethod]
        public void Parse_UnknownKind_ThrowsWithLineNumber()
        {
            var error = Assert.ThrowsExactly<FormatException>(() => NanoApiSurface.Parse(new[] { "T Ns.A", "X Ns.B" }));

            Assert.Contains("line 2", error.Message);
        }
    }
}
