using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// One IL instruction that carries a metadata token (call, newobj, ldfld, box, ldtoken ...), with its offset
    /// and the offset of the instruction after it (to tell whether two token instructions are adjacent).
    /// </summary>
    internal readonly record struct IlTokenInstruction(ILOpCode OpCode, int Token, int Offset, int NextOffset);

    /// <summary>
    /// Walks a method body's IL and returns the instructions with a token operand, in order. Operand sizes come
    /// from <see cref="OpCodes"/> (the runtime's own opcode table), so no opcode list is hand-copied here.
    /// </summary>
    internal static class IlTokenReader
    {
        private static readonly Dictionary<ushort, OperandType> OperandTypes = BuildOperandTypes();

        public static List<IlTokenInstruction> Read(MethodBodyBlock body)
        {
            var result = new List<IlTokenInstruction>();
            BlobReader il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                byte first = il.ReadByte();
                // Two-byte opcodes start with the 0xFE prefix (ceq, ldftn, initobj, constrained., sizeof ...).
                ushort code = first == 0xFE ? (ushort)(0xFE00 | il.ReadByte()) : first;
                if (!OperandTypes.TryGetValue(code, out OperandType operand))
                {
                    throw new BadImageFormatException($"Unknown IL opcode 0x{code:X} at offset {il.Offset}.");
                }

                switch (operand)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR:
                    case OperandType.InlineString:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                    case OperandType.InlineSig:
                        int token = il.ReadInt32();
                        result.Add(new IlTokenInstruction((ILOpCode)code, token, offset, il.Offset));
                        break;
                    default:
                        throw new BadImageFormatException($"Unexpected operand type {operand} for opcode 0x{code:X}.");
                }
            }

            return result;
        }

        private static Dictionary<ushort, OperandType> BuildOperandTypes()
        {
            var table = new Dictionary<ushort, OperandType>();
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is OpCode opCode)
                {
                    table[(ushort)opCode.Value] = opCode.OperandType;
                }
            }

            return table;
        }
    }
}
