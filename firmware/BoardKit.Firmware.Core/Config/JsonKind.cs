namespace BoardKit.Firmware.Core.Config
{
    /// <summary>The type of a JSON value (node) in a <see cref="JsonDocument"/>. Plain int constants (nanoFramework prints enums as numbers).</summary>
    public static class JsonKind
    {
        /// <summary>An object: { "name": value, ... }.</summary>
        public const int Object = 1;

        /// <summary>An array: [ value, ... ].</summary>
        public const int Array = 2;

        /// <summary>A string: "...".</summary>
        public const int String = 3;

        /// <summary>A number: integer or decimal, see <see cref="JsonLimits"/> for the accepted range.</summary>
        public const int Number = 4;

        /// <summary>The literal true.</summary>
        public const int True = 5;

        /// <summary>The literal false.</summary>
        public const int False = 6;

        /// <summary>The literal null.</summary>
        public const int Null = 7;

        /// <summary>The kind as installers read it in messages: "an object", "a list", "a string", "a number", "true", "false", "null".</summary>
        public static string Describe(int kind)
        {
            switch (kind)
            {
                case Object: return "an object";
                case Array: return "a list";
                case String: return "a string";
                case Number: return "a number";
                case True: return "true";
                case False: return "false";
                case Null: return "null";
                default: return "nothing";
            }
        }
    }
}
