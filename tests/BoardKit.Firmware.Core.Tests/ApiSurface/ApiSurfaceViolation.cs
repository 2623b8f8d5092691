using System.Collections.Generic;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>Why a reference cannot run on nanoFramework 1.x.</summary>
    public enum ViolationKind
    {
        /// <summary>A TypeRef with no <c>T</c> line in the surface.</summary>
        MissingType,

        /// <summary>A MemberRef (method, property accessor, event accessor, field) with no matching line.</summary>
        MissingMember,

        /// <summary>A [ExcludeType] type used other than as an attribute or an enum in a surface signature.</summary>
        ExcludedType,

        /// <summary>Generics: a TypeSpec/MethodSpec instantiation, a generic definition or parameter.</summary>
        Generic,

        /// <summary>Other constructs the 1.x runtime lacks: multidimensional arrays, function pointers, P/Invoke.</summary>
        Unsupported,
    }

    /// <summary>
    /// One reference the device cannot resolve. <see cref="Name"/> is the surface spelling
    /// (<c>System.String::Replace(System.String,System.String)</c>, <c>System.Collections.Generic.List`1</c>);
    /// <see cref="UsedBy"/> lists the methods (<c>Ns.Type::Method</c>) or definitions that need it.
    /// </summary>
    public sealed record ApiSurfaceViolation(ViolationKind Kind, string Name, string Detail, IReadOnlyList<string> UsedBy)
    {
        /// <summary>One line for a test failure message.</summary>
        public override string ToString()
            => $"{Kind}: {Name} - {Detail}; used by {(UsedBy.Count == 0 ? "(no method: found only in the metadata tables)" : string.Join(", ", UsedBy))}";
    }
}
