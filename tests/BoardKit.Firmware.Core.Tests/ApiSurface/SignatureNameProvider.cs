using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// Decodes metadata signatures into the api-surface spelling (<c>System.Int32</c>, <c>System.Byte[]</c>,
    /// <c>System.Int32&amp;</c>, <c>Outer+Inner</c>) and, while doing so, collects what the signature needs from
    /// outside the assembly: every TypeRef it names and every construct nanoFramework 1.x cannot load (generic
    /// instantiations and parameters, multidimensional arrays, function pointers). The caller reads
    /// <see cref="TypeRefs"/> and <see cref="Problems"/> after each decode and calls <see cref="Reset"/>.
    /// </summary>
    internal sealed class SignatureNameProvider : ISignatureTypeProvider<string, object?>
    {
        /// <summary>TypeRefs named by the decoded signatures; IsValueType from the VALUETYPE/CLASS encoding.</summary>
        public List<(TypeReferenceHandle Handle, bool IsValueType)> TypeRefs { get; } = new();

        /// <summary>Constructs the 1.x runtime lacks, each described with the decoded type text.</summary>
        public List<(ViolationKind Kind, string Name, string Detail)> Problems { get; } = new();

        public void Reset()
        {
            TypeRefs.Clear();
            Problems.Clear();
        }

        public static string TypeRefName(MetadataReader reader, TypeReferenceHandle handle)
        {
            TypeReference typeRef = reader.GetTypeReference(handle);
            string name = reader.GetString(typeRef.Name);
            if (typeRef.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return TypeRefName(reader, (TypeReferenceHandle)typeRef.ResolutionScope) + "+" + name;
            }

            string ns = reader.GetString(typeRef.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string TypeDefName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            TypeDefinition typeDef = reader.GetTypeDefinition(handle);
            string name = reader.GetString(typeDef.Name);
            TypeDefinitionHandle declaring = typeDef.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return TypeDefName(reader, declaring) + "+" + name;
            }

            string ns = reader.GetString(typeDef.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
        {
            PrimitiveTypeCode.Boolean => "Boolean",
            PrimitiveTypeCode.Byte => "Byte",
            PrimitiveTypeCode.Char => "Char",
            PrimitiveTypeCode.Double => "Double",
            PrimitiveTypeCode.Int16 => "Int16",
            PrimitiveTypeCode.Int32 => "Int32",
            PrimitiveTypeCode.Int64 => "Int64",
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.Object => "Object",
            PrimitiveTypeCode.SByte => "SByte",
            PrimitiveTypeCode.Single => "Single",
            PrimitiveTypeCode.String => "String",
            PrimitiveTypeCode.TypedReference => "TypedReference",
            PrimitiveTypeCode.UInt16 => "UInt16",
            PrimitiveTypeCode.UInt32 => "UInt32",
            PrimitiveTypeCode.UInt64 => "UInt64",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            PrimitiveTypeCode.Void => "Void",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => TypeDefName(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeRefs.Add((handle, rawTypeKind == (byte)SignatureTypeKind.ValueType));
            return TypeRefName(reader, handle);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            string text = elementType + "[" + new string(',', shape.Rank - 1) + "]";
            Problems.Add((ViolationKind.Unsupported, text, "multidimensional array: 1.x has only single-dimension arrays (use jagged arrays)"));
            return text;
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        // volatile fields carry modreq(IsVolatile); the modifier type is a real reference and is checked too.
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            string text = "method " + signature.ReturnType + "*(" + string.Join(",", signature.ParameterTypes) + ")";
            Problems.Add((ViolationKind.Unsupported, text, "function pointer"));
            return text;
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string text = genericType + "<" + string.Join(",", typeArguments) + ">";
            Problems.Add((ViolationKind.Generic, text, "generic instantiation: 1.x has no generics"));
            return text;
        }

        public string GetGenericMethodParameter(object? genericContext, int index)
        {
            Problems.Add((ViolationKind.Generic, "!!" + index, "generic method parameter: 1.x has no generics"));
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object? genericContext, int index)
        {
            Problems.Add((ViolationKind.Generic, "!" + index, "generic type parameter: 1.x has no generics"));
            return "!" + index;
        }
    }
}
