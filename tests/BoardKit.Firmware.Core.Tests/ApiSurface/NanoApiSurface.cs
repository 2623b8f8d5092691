using System;
using System.Collections.Generic;
using System.IO;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// The nanoFramework 1.x API surface read from firmware/nanoframework/api-surface.txt (format in that file's
    /// header): <c>T</c>ypes, <c>M</c>ethods, <c>P</c>roperties with their accessors, <c>F</c>ields, <c>E</c>vents,
    /// plus <c># base</c> (inheritance) and <c># excludetype</c> lines. Names are full CLR names, nested types as
    /// <c>Outer+Inner</c>, members as <c>Type::Name(P1,P2)</c>.
    /// </summary>
    public sealed class NanoApiSurface
    {
        /// <summary>Every class, struct, interface, enum and delegate ultimately derives from this type.</summary>
        public const string ObjectType = "System.Object";

        private readonly HashSet<string> _types = new(StringComparer.Ordinal);
        private readonly HashSet<string> _methods = new(StringComparer.Ordinal);
        private readonly HashSet<string> _fields = new(StringComparer.Ordinal);
        private readonly HashSet<string> _events = new(StringComparer.Ordinal);
        // "Type::Name" or "Type::Item(System.Int32)" -> accessors declared ("get", "set" or both).
        private readonly Dictionary<string, (bool Get, bool Set)> _properties = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> _bases = new(StringComparer.Ordinal);
        private readonly HashSet<string> _excludedTypes = new(StringComparer.Ordinal);

        private NanoApiSurface()
        {
        }

        /// <summary>Number of entry lines (T/M/P/F/E) read; the file's header says 1,413 for the 1.x snapshot.</summary>
        public int EntryCount { get; private set; }

        /// <summary>Types marked [ExcludeType]: usable as attributes or inlined enum values, nothing else.</summary>
        public IReadOnlyCollection<string> ExcludedTypes => _excludedTypes;

        /// <summary>Reads the file at <paramref name="path"/>.</summary>
        public static NanoApiSurface Load(string path) => Parse(File.ReadAllLines(path));

        /// <summary>Parses the lines of an api-surface file; throws <see cref="FormatException"/> on a bad line.</summary>
        public static NanoApiSurface Parse(IEnumerable<string> lines)
        {
            var surface = new NanoApiSurface();
            int lineNumber = 0;
            foreach (string raw in lines)
            {
                lineNumber++;
                string line = raw.TrimEnd();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    surface.ParseDirective(line);
                    continue;
                }

                if (line.Length < 3 || line[1] != ' ')
                {
                    throw new FormatException($"api-surface line {lineNumber}: '{line}' is not '<kind> <name>'.");
                }

                string body = line.Substring(2);
                switch (line[0])
                {
                    case 'T':
                        surface._types.Add(body);
                        break;
                    case 'M':
                        surface._methods.Add(body);
                        break;
                    case 'F':
                        surface._fields.Add(body);
                        break;
                    case 'E':
                        surface._events.Add(body);
                        break;
                    case 'P':
                        surface.AddProperty(body, lineNumber);
                        break;
                    default:
                        throw new FormatException($"api-surface line {lineNumber}: unknown kind '{line[0]}'.");
                }

                surface.EntryCount++;
            }

            return surface;
        }

        /// <summary>True when the type (full name, nested as Outer+Inner) has a <c>T</c> line.</summary>
        public bool HasType(string fullName) => _types.Contains(fullName);

        /// <summary>True when the type carries [ExcludeType] (it is not in the device image).</summary>
        public bool IsExcludedType(string fullName) => _excludedTypes.Contains(fullName);

        /// <summary>
        /// Finds method <c>Name(parameters)</c> on <paramref name="type"/> or, except for constructors, on its bases.
        /// </summary>
        public bool HasMethod(string type, string name, string parameters)
        {
            string member = "::" + name + "(" + parameters + ")";
            if (name == ".ctor" || name == ".cctor")
            {
                return _methods.Contains(type + member);
            }

            return AnyInHierarchy(type, t => _methods.Contains(t + member));
        }

        /// <summary>
        /// Finds property <paramref name="name"/> (with index <paramref name="indexParameters"/>, empty for a plain
        /// property) with the getter or setter on <paramref name="type"/> or its bases.
        /// </summary>
        public bool HasPropertyAccessor(string type, string name, string indexParameters, bool setter)
        {
            string member = "::" + name + (indexParameters.Length == 0 ? string.Empty : "(" + indexParameters + ")");
            return AnyInHierarchy(type, t =>
                _properties.TryGetValue(t + member, out var accessors) && (setter ? accessors.Set : accessors.Get));
        }

        /// <summary>Finds field <paramref name="name"/> on <paramref name="type"/> or its bases.</summary>
        public bool HasField(string type, string name) => AnyInHierarchy(type, t => _fields.Contains(t + "::" + name));

        /// <summary>Finds event <paramref name="name"/> on <paramref name="type"/> or its bases.</summary>
        public bool HasEvent(string type, string name) => AnyInHierarchy(type, t => _events.Contains(t + "::" + name));

        /// <summary>
        /// The type, then its <c># base</c> chain (breadth first, interfaces may have several bases), then
        /// System.Object. Ending every walk at Object is what the CLR does for classes and interfaces (whose
        /// Object members the compiler binds on Object itself) and covers the README's rule for value types:
        /// netstandard calls e.g. System.Int32::GetHashCode(), which nano's Int32 inherits instead of declaring.
        /// Structs and enums are not in the <c># base</c> lines; the only members ValueType/Enum add that a
        /// MemberRef on a struct could name are ValueType::Equals(Object) (same as Object's) and Enum's instance
        /// methods, which the compiler always binds on System.Enum itself.
        /// </summary>
        public IEnumerable<string> Hierarchy(string type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(type);
            while (queue.Count > 0)
            {
                string current = queue.Dequeue();
                if (!seen.Add(current))
                {
                    continue;
                }

                yield return current;
                if (_bases.TryGetValue(current, out string[]? bases))
                {
                    foreach (string b in bases)
                    {
                        queue.Enqueue(b);
                    }
                }
            }

            if (!seen.Contains(ObjectType))
            {
                yield return ObjectType;
            }
        }

        private bool AnyInHierarchy(string type, Func<string, bool> declares)
        {
            foreach (string t in Hierarchy(type))
            {
                if (declares(t))
                {
                    return true;
                }
            }

            return false;
        }

        private void ParseDirective(string line)
        {
            // "# base <type> <base>[,<base>...]" and "# excludetype <type>"; any other '#' line is commentary.
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4 && parts[1] == "base")
            {
                _bases[parts[2]] = parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries);
            }
            else if (parts.Length == 3 && parts[1] == "excludetype")
            {
                _excludedTypes.Add(parts[2]);
            }
        }

        private void AddProperty(string body, int lineNumber)
        {
            // "Ns.Type::Name get set" or "Ns.Type::Item(System.Int32) get"; names contain no spaces.
            string[] parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"api-surface line {lineNumber}: property '{body}' lists no accessor.");
            }

            bool get = false, set = false;
            for (int i = 1; i < parts.Length; i++)
            {
                if (parts[i] == "get")
                {
                    get = true;
                }
                else if (parts[i] == "set")
                {
                    set = true;
                }
                else
                {
                    throw new FormatException($"api-surface line {lineNumber}: unknown accessor '{parts[i]}'.");
                }
            }

            _properties[parts[0]] = (get, set);
        }
    }
}
