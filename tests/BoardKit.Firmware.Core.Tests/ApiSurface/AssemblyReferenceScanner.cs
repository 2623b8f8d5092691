using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// Reads a built assembly with System.Reflection.Metadata and lists every reference that nanoFramework 1.x
    /// (as described by a <see cref="NanoApiSurface"/>) cannot satisfy. Nothing is loaded or compiled.
    /// <para>
    /// How: every definition in the assembly is walked (base types, interfaces, field/method/local signatures,
    /// catch types, explicit interface implementations, and each IL instruction with a token), recording which
    /// TypeRefs, MemberRefs, TypeSpecs and MethodSpecs each method uses. References reached only from custom
    /// attribute constructors are ignored: the device compiler drops CompilationRelaxations,
    /// RuntimeCompatibility, CompilerGenerated, AsyncStateMachine and friends (the Nullable/NullableContext
    /// attributes are TypeDefs embedded in the assembly, not references). A TypeRef or MemberRef row that no
    /// walk explains is checked anyway, reported with no user, so a gap in the walk cannot hide a violation.
    /// </para>
    /// <para>
    /// Names match on namespace + name (nested as Outer+Inner); the resolution scope's assembly (netstandard,
    /// System.Memory ...) is ignored, as it differs between netstandard and nano's mscorlib/System.Text/...
    /// </para>
    /// </summary>
    public static class AssemblyReferenceScanner
    {
        /// <summary>Scans the assembly file at <paramref name="assemblyPath"/>; violations sorted by name.</summary>
        public static IReadOnlyList<ApiSurfaceViolation> Scan(string assemblyPath, NanoApiSurface surface)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var peReader = new PEReader(stream);
            return new Scan(peReader, surface).Run();
        }
    }

    /// <summary>One use of a reference: the method (or definition) using it, and the lowering context.</summary>
    internal readonly record struct ReferenceUse(string User, bool InEventAccessor, bool FeedsArrayParameter);

    /// <summary>The state of one scan; see <see cref="AssemblyReferenceScanner"/>.</summary>
    internal sealed class Scan
    {
        private readonly PEReader _peReader;
        private readonly MetadataReader _reader;
        private readonly NanoApiSurface _surface;
        private readonly SignatureNameProvider _provider = new();

        // TypeRef -> users. "Strict" uses need the type itself on the device; "enum in signature" uses are value
        // types named in the signature of a referenced nano member (e.g. an enum parameter), which are fine for
        // [ExcludeType] enums whose values are inlined as constants.
        private readonly Dictionary<TypeReferenceHandle, SortedSet<string>> _strictTypeUses = new();
        private readonly Dictionary<TypeReferenceHandle, SortedSet<string>> _signatureValueTypeUses = new();
        private readonly HashSet<TypeReferenceHandle> _attributeTypeRefs = new();
        private readonly HashSet<TypeReferenceHandle> _mappedParentTypeRefs = new();
        private readonly Dictionary<MemberReferenceHandle, List<ReferenceUse>> _memberUses = new();
        private readonly HashSet<MemberReferenceHandle> _attributeMemberRefs = new();
        private readonly Dictionary<MethodSpecificationHandle, List<ReferenceUse>> _methodSpecUses = new();
        private readonly HashSet<MethodDefinitionHandle> _eventAccessors = new();
        private readonly Dictionary<(ViolationKind, string), (string Detail, SortedSet<string> Users)> _violations = new();

        public Scan(PEReader peReader, NanoApiSurface surface)
        {
            _peReader = peReader;
            _reader = peReader.GetMetadataReader();
            _surface = surface;
        }

        public IReadOnlyList<ApiSurfaceViolation> Run()
        {
            WalkTypeDefinitions();
            WalkCustomAttributes();
            CheckMemberReferences();
            CheckMethodSpecifications();
            CheckTypeReferences();
            return _violations
                .Select(v => new ApiSurfaceViolation(v.Key.Item1, v.Key.Item2, v.Value.Detail, v.Value.Users.ToList()))
                .OrderBy(v => v.Name, StringComparer.Ordinal)
                .ThenBy(v => v.Kind)
                .ToList();
        }

        private void WalkTypeDefinitions()
        {
            // Event accessors first: method bodies are judged knowing which methods are add_/remove_ of an event.
            foreach (TypeDefinitionHandle typeHandle in _reader.TypeDefinitions)
            {
                foreach (EventDefinitionHandle eventHandle in _reader.GetTypeDefinition(typeHandle).GetEvents())
                {
                    EventAccessors accessors = _reader.GetEventDefinition(eventHandle).GetAccessors();
                    _eventAccessors.Add(accessors.Adder);
                    _eventAccessors.Add(accessors.Remover);
                }
            }

            foreach (TypeDefinitionHandle typeHandle in _reader.TypeDefinitions)
            {
                TypeDefinition type = _reader.GetTypeDefinition(typeHandle);
                string typeName = SignatureNameProvider.TypeDefName(_reader, typeHandle);
                if (type.GetGenericParameters().Count > 0)
                {
                    AddViolation(ViolationKind.Generic, typeName, "generic type definition: 1.x has no generics", typeName);
                }

                Touch(type.BaseType, new ReferenceUse(typeName + " (base type)", false, false));
                foreach (InterfaceImplementationHandle impl in type.GetInterfaceImplementations())
                {
                    Touch(_reader.GetInterfaceImplementation(impl).Interface, new ReferenceUse(typeName + " (interface)", false, false));
                }

                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
                    _provider.Reset();
                    field.DecodeSignature(_provider, null);
                    CommitSignature(typeName + "::" + _reader.GetString(field.Name), valueTypesAreSignatureOnly: false);
                }

                foreach (EventDefinitionHandle eventHandle in type.GetEvents())
                {
                    EventDefinition ev = _reader.GetEventDefinition(eventHandle);
                    Touch(ev.Type, new ReferenceUse(typeName + "::" + _reader.GetString(ev.Name) + " (event type)", false, false));
                }

                foreach (MethodImplementationHandle implHandle in type.GetMethodImplementations())
                {
                    MethodImplementation impl = _reader.GetMethodImplementation(implHandle);
                    Touch(impl.MethodDeclaration, new ReferenceUse(typeName + " (explicit interface implementation)", false, false));
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    WalkMethod(typeName, methodHandle);
                }
            }
        }

        private void WalkMethod(string typeName, MethodDefinitionHandle methodHandle)
        {
            MethodDefinition method = _reader.GetMethodDefinition(methodHandle);
            string user = typeName + "::" + _reader.GetString(method.Name);
            bool inEventAccessor = _eventAccessors.Contains(methodHandle);
            if (method.GetGenericParameters().Count > 0)
            {
                AddViolation(ViolationKind.Generic, user, "generic method definition: 1.x has no generics", user);
            }

            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                AddViolation(ViolationKind.Unsupported, user, "P/Invoke: nanoFramework calls native code only through InternalCall", user);
            }

            _provider.Reset();
            method.DecodeSignature(_provider, null);
            CommitSignature(user, valueTypesAreSignatureOnly: false);
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            MethodBodyBlock body = _peReader.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                _provider.Reset();
                _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_provider, null);
                CommitSignature(user, valueTypesAreSignatureOnly: false);
            }

            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (region.Kind == ExceptionRegionKind.Catch)
                {
                    Touch(region.CatchType, new ReferenceUse(user, inEventAccessor, false));
                }
            }

            List<IlTokenInstruction> instructions = IlTokenReader.Read(body);
            for (int i = 0; i < instructions.Count; i++)
            {
                bool feedsArrayParameter = i + 1 < instructions.Count
                    && instructions[i + 1].Offset == instructions[i].NextOffset
                    && IsCallWithArrayLastParameter(instructions[i + 1]);
                Touch(MetadataTokens.EntityHandle(instructions[i].Token), new ReferenceUse(user, inEventAccessor, feedsArrayParameter));
            }
        }

        private void WalkCustomAttributes()
        {
            foreach (CustomAttributeHandle handle in _reader.CustomAttributes)
            {
                EntityHandle ctor = _reader.GetCustomAttribute(handle).Constructor;
                if (ctor.Kind != HandleKind.MemberReference)
                {
                    continue; // an attribute defined in this assembly (e.g. the embedded NullableAttribute)
                }

                var memberHandle = (MemberReferenceHandle)ctor;
                _attributeMemberRefs.Add(memberHandle);
                MemberReference member = _reader.GetMemberReference(memberHandle);
                if (member.Parent.Kind == HandleKind.TypeReference)
                {
                    _attributeTypeRefs.Add((TypeReferenceHandle)member.Parent);
                }

                var scratch = new SignatureNameProvider();
                member.DecodeMethodSignature(scratch, null);
                foreach (var (typeRef, _) in scratch.TypeRefs)
                {
                    _attributeTypeRefs.Add(typeRef);
                }
            }
        }

        private void CheckMemberReferences()
        {
            // Rows that no walk reached and that are not attribute constructors are checked with no user.
            foreach (MemberReferenceHandle handle in _reader.MemberReferences)
            {
                if (!_memberUses.ContainsKey(handle) && !_attributeMemberRefs.Contains(handle))
                {
                    _memberUses[handle] = new List<ReferenceUse>();
                }
            }

            foreach (var (handle, uses) in _memberUses)
            {
                CheckMemberReference(handle, uses);
            }
        }

        private void CheckMemberReference(MemberReferenceHandle handle, List<ReferenceUse> uses)
        {
            MemberReference member = _reader.GetMemberReference(handle);
            string name = _reader.GetString(member.Name);
            string[] users = uses.Select(u => u.User).ToArray();
            bool isMethod = member.GetKind() == MemberReferenceKind.Method;

            _provider.Reset();
            string parameters = string.Empty;
            int genericArity = 0;
            if (isMethod)
            {
                MethodSignature<string> signature = member.DecodeMethodSignature(_provider, null);
                parameters = string.Join(",", signature.ParameterTypes);
                genericArity = signature.GenericParameterCount;
            }
            else
            {
                member.DecodeFieldSignature(_provider, null);
            }

            var signatureTypeRefs = _provider.TypeRefs.ToList();
            var signatureProblems = _provider.Problems.ToList();

            string parentName;
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeReference:
                    parentName = SignatureNameProvider.TypeRefName(_reader, (TypeReferenceHandle)member.Parent);
                    break;
                case HandleKind.TypeDefinition:
                    return; // a member of this assembly's own type: nothing to resolve on the device
                case HandleKind.TypeSpecification:
                    _provider.Reset();
                    parentName = _reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(_provider, null);
                    bool onGeneric = _provider.Problems.Any(p => p.Kind == ViolationKind.Generic);
                    CommitSignature(users, valueTypesAreSignatureOnly: false);
                    string specMember = parentName + "::" + name + (isMethod ? "(" + parameters + ")" : string.Empty);
                    AddViolation(
                        onGeneric ? ViolationKind.Generic : ViolationKind.Unsupported,
                        specMember,
                        onGeneric ? "member of a generic instantiation: 1.x has no generics" : "member of a multidimensional array type",
                        users);
                    CommitTypeRefs(signatureTypeRefs, users, valueTypesAreSignatureOnly: false);
                    return;
                default:
                    AddViolation(ViolationKind.Unsupported, name, "member reference on a " + member.Parent.Kind, users);
                    return;
            }

            string memberText = parentName + "::" + name + (genericArity > 0 ? "``" + genericArity : string.Empty)
                + (isMethod ? "(" + parameters + ")" : string.Empty);
            string exactText = parentName + "::" + name + (isMethod ? "(" + parameters + ")" : string.Empty);

            if (genericArity > 0)
            {
                // Judged use by use: Array.Empty<object>() as an empty params argument is a lowering, while
                // Array.Empty<byte>() stored in a local elsewhere is not, though both share this MemberRef.
                string[] rejectedUsers = uses.Count == 0
                    ? users
                    : uses.Where(u => !IsAcceptedGenericLowering(parentName, name, u)).Select(u => u.User).ToArray();
                if (uses.Count > 0 && rejectedUsers.Length == 0)
                {
                    return;
                }

                AddViolation(ViolationKind.Generic, memberText, "generic method: 1.x has no generics", rejectedUsers);
                AddTypeUse(_strictTypeUses, (TypeReferenceHandle)member.Parent, rejectedUsers);
                CommitTypeRefs(signatureTypeRefs, rejectedUsers, valueTypesAreSignatureOnly: true);
                return;
            }

            if (NanoEquivalences.Members.TryGetValue(exactText, out string? nanoMember) && SurfaceHasMethod(nanoMember))
            {
                _mappedParentTypeRefs.Add((TypeReferenceHandle)member.Parent);
                CommitTypeRefs(signatureTypeRefs, users, valueTypesAreSignatureOnly: true);
                return;
            }

            AddTypeUse(_strictTypeUses, (TypeReferenceHandle)member.Parent, users);
            CommitTypeRefs(signatureTypeRefs, users, valueTypesAreSignatureOnly: true);
            foreach (var problem in signatureProblems)
            {
                if (!problem.Name.StartsWith("!", StringComparison.Ordinal))
                {
                    AddViolation(problem.Kind, problem.Name, problem.Detail, users);
                }
            }

            if (!_surface.HasType(parentName))
            {
                return; // the missing type is reported once, by CheckTypeReferences, with these users
            }

            if (_surface.IsExcludedType(parentName))
            {
                AddViolation(ViolationKind.ExcludedType, exactText, "member of an [ExcludeType] type: not in the device image", users);
                return;
            }

            if (!MemberExists(parentName, name, isMethod, parameters))
            {
                string detail = "not in the nanoFramework 1.x surface";
                if (NanoEquivalences.Hints.TryGetValue(exactText, out string? hint))
                {
                    detail += " (" + hint + ")";
                }

                AddViolation(ViolationKind.MissingMember, exactText, detail, users);
            }
        }

        private bool MemberExists(string type, string name, bool isMethod, string parameters)
        {
            if (!isMethod)
            {
                return _surface.HasField(type, name);
            }

            if (_surface.HasMethod(type, name, parameters))
            {
                return true;
            }

            if (name.StartsWith("get_", StringComparison.Ordinal))
            {
                return _surface.HasPropertyAccessor(type, name.Substring(4), parameters, setter: false);
            }

            if (name.StartsWith("set_", StringComparison.Ordinal))
            {
                // The setter's last parameter is the value; the ones before it are the indexer's parameters.
                int lastComma = parameters.LastIndexOf(',');
                string index = lastComma < 0 ? string.Empty : parameters.Substring(0, lastComma);
                return _surface.HasPropertyAccessor(type, name.Substring(4), index, setter: true);
            }

            if (name.StartsWith("add_", StringComparison.Ordinal))
            {
                return _surface.HasEvent(type, name.Substring(4));
            }

            if (name.StartsWith("remove_", StringComparison.Ordinal))
            {
                return _surface.HasEvent(type, name.Substring(7));
            }

            return false;
        }

        private bool SurfaceHasMethod(string member)
        {
            // "Ns.Type::Name(P1,P2)"
            int colons = member.IndexOf("::", StringComparison.Ordinal);
            int paren = member.IndexOf('(', colons);
            return _surface.HasMethod(
                member.Substring(0, colons),
                member.Substring(colons + 2, paren - colons - 2),
                member.Substring(paren + 1, member.Length - paren - 2));
        }

        private static bool IsAcceptedGenericLowering(string parentName, string name, ReferenceUse use)
        {
            string method = parentName + "::" + name;
            if (method == NanoEquivalences.EventAccessorCompareExchange)
            {
                return use.InEventAccessor;
            }

            if (method == NanoEquivalences.EmptyParamsArray)
            {
                return use.FeedsArrayParameter;
            }

            return false;
        }

        private void CheckMethodSpecifications()
        {
            for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                MethodSpecificationHandle handle = MetadataTokens.MethodSpecificationHandle(row);
                List<ReferenceUse> uses = _methodSpecUses.TryGetValue(handle, out var found) ? found : new List<ReferenceUse>();
                string[] users = uses.Select(u => u.User).ToArray();
                MethodSpecification spec = _reader.GetMethodSpecification(handle);
                _provider.Reset();
                var typeArguments = spec.DecodeSignature(_provider, null);
                CommitSignature(users, valueTypesAreSignatureOnly: false);

                if (spec.Method.Kind == HandleKind.MethodDefinition)
                {
                    MethodDefinition method = _reader.GetMethodDefinition((MethodDefinitionHandle)spec.Method);
                    string owner = SignatureNameProvider.TypeDefName(_reader, method.GetDeclaringType());
                    string text = owner + "::" + _reader.GetString(method.Name) + "<" + string.Join(",", typeArguments) + ">";
                    AddViolation(ViolationKind.Generic, text, "generic method instantiation: 1.x has no generics", users);
                }

                // A MethodSpec on a MemberRef is judged with that MemberRef (the uses were passed on by Touch).
            }
        }

        private void CheckTypeReferences()
        {
            var resolutionScopes = new HashSet<TypeReferenceHandle>();
            foreach (TypeReferenceHandle handle in _reader.TypeReferences)
            {
                EntityHandle scope = _reader.GetTypeReference(handle).ResolutionScope;
                if (scope.Kind == HandleKind.TypeReference)
                {
                    resolutionScopes.Add((TypeReferenceHandle)scope);
                }
            }

            foreach (TypeReferenceHandle handle in _reader.TypeReferences)
            {
                _strictTypeUses.TryGetValue(handle, out SortedSet<string>? strict);
                _signatureValueTypeUses.TryGetValue(handle, out SortedSet<string>? signatureOnly);
                if (strict is null && signatureOnly is null)
                {
                    if (_attributeTypeRefs.Contains(handle) || _mappedParentTypeRefs.Contains(handle) || resolutionScopes.Contains(handle))
                    {
                        continue;
                    }

                    strict = new SortedSet<string>(StringComparer.Ordinal); // unexplained row: check it, no user
                }

                string name = SignatureNameProvider.TypeRefName(_reader, handle);
                if (_surface.IsExcludedType(name))
                {
                    if (strict is not null)
                    {
                        AddViolation(ViolationKind.ExcludedType, name, "[ExcludeType]: fine as an attribute or inlined enum value, not in the device image", strict);
                    }

                    continue;
                }

                if (!_surface.HasType(name))
                {
                    var users = new SortedSet<string>(StringComparer.Ordinal);
                    users.UnionWith(strict ?? new SortedSet<string>());
                    users.UnionWith(signatureOnly ?? new SortedSet<string>());
                    AddViolation(ViolationKind.MissingType, name, "type not in the nanoFramework 1.x surface", users);
                }
            }
        }

        private void Touch(EntityHandle handle, ReferenceUse use)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    AddTypeUse(_strictTypeUses, (TypeReferenceHandle)handle, new[] { use.User });
                    break;
                case HandleKind.TypeSpecification:
                    _provider.Reset();
                    _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null);
                    CommitSignature(use.User, valueTypesAreSignatureOnly: false);
                    break;
                case HandleKind.MemberReference:
                    AddUse(_memberUses, (MemberReferenceHandle)handle, use);
                    break;
                case HandleKind.MethodSpecification:
                    AddUse(_methodSpecUses, (MethodSpecificationHandle)handle, use);
                    Touch(_reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method, use);
                    break;
                case HandleKind.StandaloneSignature:
                    AddViolation(ViolationKind.Unsupported, "calli", "indirect call through a function pointer", use.User);
                    break;
                default:
                    break; // TypeDef, MethodDef, FieldDef: defined in this assembly
            }
        }

        private bool IsCallWithArrayLastParameter(IlTokenInstruction instruction)
        {
            if (instruction.OpCode != ILOpCode.Call && instruction.OpCode != ILOpCode.Callvirt && instruction.OpCode != ILOpCode.Newobj)
            {
                return false;
            }

            EntityHandle handle = MetadataTokens.EntityHandle(instruction.Token);
            if (handle.Kind == HandleKind.MethodSpecification)
            {
                handle = _reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method;
            }

            var scratch = new SignatureNameProvider();
            MethodSignature<string> signature;
            if (handle.Kind == HandleKind.MemberReference)
            {
                MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                if (member.GetKind() != MemberReferenceKind.Method)
                {
                    return false;
                }

                signature = member.DecodeMethodSignature(scratch, null);
            }
            else if (handle.Kind == HandleKind.MethodDefinition)
            {
                signature = _reader.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(scratch, null);
            }
            else
            {
                return false;
            }

            return signature.ParameterTypes.Length > 0 && signature.ParameterTypes[^1].EndsWith("[]", StringComparison.Ordinal);
        }

        private void CommitSignature(string user, bool valueTypesAreSignatureOnly)
            => CommitSignature(new[] { user }, valueTypesAreSignatureOnly);

        private void CommitSignature(IReadOnlyCollection<string> users, bool valueTypesAreSignatureOnly)
        {
            CommitTypeRefs(_provider.TypeRefs, users, valueTypesAreSignatureOnly);
            foreach (var problem in _provider.Problems)
            {
                // A bare generic parameter (!0, !!0) only occurs inside a generic definition or a generic member's
                // signature, and those are reported themselves; listing "!0" on its own would tell nobody anything.
                if (!problem.Name.StartsWith("!", StringComparison.Ordinal))
                {
                    AddViolation(problem.Kind, problem.Name, problem.Detail, users);
                }
            }
        }

        private void CommitTypeRefs(IEnumerable<(TypeReferenceHandle Handle, bool IsValueType)> typeRefs, IReadOnlyCollection<string> users, bool valueTypesAreSignatureOnly)
        {
            foreach (var (typeRef, isValueType) in typeRefs.ToList())
            {
                AddTypeUse(valueTypesAreSignatureOnly && isValueType ? _signatureValueTypeUses : _strictTypeUses, typeRef, users);
            }
        }

        private static void AddTypeUse(Dictionary<TypeReferenceHandle, SortedSet<string>> uses, TypeReferenceHandle handle, IEnumerable<string> users)
        {
            if (!uses.TryGetValue(handle, out SortedSet<string>? set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                uses[handle] = set;
            }

            set.UnionWith(users);
        }

        private static void AddUse<THandle>(Dictionary<THandle, List<ReferenceUse>> uses, THandle handle, ReferenceUse use)
            where THandle : notnull
        {
            if (!uses.TryGetValue(handle, out List<ReferenceUse>? list))
            {
                list = new List<ReferenceUse>();
                uses[handle] = list;
            }

            list.Add(use);
        }

        private void AddViolation(ViolationKind kind, string name, string detail, string user)
            => AddViolation(kind, name, detail, new[] { user });

        private void AddViolation(ViolationKind kind, string name, string detail, IEnumerable<string> users)
        {
            if (!_violations.TryGetValue((kind, name), out var entry))
            {
                entry = (detail, new SortedSet<string>(StringComparer.Ordinal));
                _violations[(kind, name)] = entry;
            }

            entry.Users.UnionWith(users);
        }
    }
}
