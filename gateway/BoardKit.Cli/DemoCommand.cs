using System;
using System.Collections.Generic;
using System.CommandLine;
using Command = System.CommandLine.Command;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Cli
{
    /// <summary>
    /// <c>boardkit demo</c>: the whole path from an editor's text to the LEDs of a board, on this machine and with no
    /// server: shaping and coverage, rendering, packing, signing with a per-board key, then the firmware core's
    /// receive path (the same code the ESP32 runs) verifying, refusing attacks and decoding what it shows.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>The demo board: the first face of the Ma Lù Thàng border-gate cluster (site lc-mlt).</summary>
        public const string BoardName = "lc-mlt-gate-1";

        /// <summary>Panel size of the demo board, LEDs.</summary>
        public const int PanelWidth = 64;

        /// <summary>Panel height of the demo board, LEDs.</summary>
        public const int PanelHeight = 16;

        /// <summary>The editor's bulletin: Vietnamese with stacked diacritics, Chinese for the neighbour, H'Mông (RPA).</summary>
        public const string Bulletin = "Cửa khẩu Quốc tế Ma Lù Thàng · 马鹿塘口岸 · Zoo siab txais tos";

        /// <summary>The border guards' emergency message.</summary>
        public const string Emergency = "KHẨN CẤP";

        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var output = new Option<string>("--out")
            {
                Description = "Folder for the LED previews (PNG/APNG). Default: out/demo",
                DefaultValueFactory = _ => Path.Combine("out", "demo"),
            };
            var command = new Command("demo", "Render a bulletin, sign it for a board, run the board's receive path on it, show the LEDs.");
            command.Options.Add(output);
            command.SetAction(parse => Run(parse.GetValue(output)!, Console.Out, Console.Error));
            return command;
        }

        /// <summary>Runs the demo, writing the story to <paramref name="stdout"/>; returns an exit code (<see cref="ExitCodes"/>).</summary>
        public static int Run(string outputFolder, TextWriter stdout, TextWriter stderr)
        {
            var step = new Steps(stdout);
            stdout.WriteLine($"BoardKit demo: board '{BoardName}' ({PanelWidth}x{PanelHeight} LEDs) at the Ma Lù Thàng border gate.");
            stdout.WriteLine("Everything runs here: gateway rendering and signing, then the firmware core's receive path.");

            // 1. Fonts and coverage: every character must be drawable before anything is published.
            FontSet fontSet;
            try
            {
                fontSet = new FontSets().ForPanelHeight(PanelHeight);
            }
            catch (Exception e) when (e is FileNotFoundException or FontFormatException)
            {
                stderr.WriteLine("boardkit demo: " + e.Message);
                stderr.WriteLine("Install the fonts with: sudo apt-get install -y unifont xfonts-base pcf2bdf unicode-data");
                return ExitCodes.Usage;
            }

            var shaper = new TextShaper(fontSet);
            step.Next($"Editor's bulletin (vi, zh, H'Mông): \"{Bulletin}\"");
            IReadOnlyList<MissingCharacter> missing = Coverage.Check(Bulletin, fontSet);
            stdout.WriteLine($"   coverage: {(missing.Count == 0 ? "every character can be drawn" : missing.Count + " missing")} (fonts: {fontSet.FontNames})");

            RenderResult scroll = TextRenderer.Render(new RenderRequest
            {
                Text = Bulletin, PanelWidth = PanelWidth, PanelHeight = PanelHeight, Mode = RenderMode.Scroll, Shaper = shaper,
            });
            RenderResult alert = TextRenderer.Render(new RenderRequest
            {
                Text = Emergency, PanelWidth = PanelWidth, PanelHeight = PanelHeight, Mode = RenderMode.Static,
                Alignment = TextAlignment.Center, Level = BulletinLevel.Emergency, Shaper = shaper,
            });
            if (!scroll.Ok || !alert.Ok)
            {
                foreach (string error in scroll.Errors.Concat(alert.Errors))
                {
                    stderr.WriteLine("boardkit demo: " + error);
                }

                return ExitCodes.Refused;
            }

            stdout.WriteLine($"   rendered: scroll strip {scroll.Strip!.Width}x{scroll.Strip.Height}, {scroll.Palette.Count} colours -> {scroll.PixelFormat}");

            // 2. Sign for this board. A real board's key is made and installed when it is flashed (firmware/README.md);
            //    there is no default key anywhere. This run makes a fresh one.
            byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
            byte[] boardHash = HashOf(BoardName);
            var gateway = new MessageBuilder(boardHash, keyId: 1, key);
            uint now = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            ulong sequence = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            byte[] program = Take(gateway, ProgramComposer.ComposeProgram(gateway, new[] { new BulletinItem(scroll) }, sequence, now));
            step.Next($"Signed program for {BoardName}: {program.Length} bytes on the wire (HMAC-SHA256, key id 1, sequence {sequence}).");
            stdout.WriteLine($"   the same strip as raw RGB888 would be {scroll.Strip.Width * scroll.Strip.Height * 3} bytes.");

            // 3. The board: the firmware core's receive path with its own key and replay state.
            var keys = new KeyRing(2);
            keys.Add(1, key);
            var replay = new ReplayGuard();
            var flash = new MemoryFileStore();
            var board = new ContentReceiver(BoardName, keys, replay, NewSessionNonce(), BoardClockNow(), new BoardStorage(flash));
            step.Next("Board receives it:");
            Report(stdout, "the program", board.Receive(Copy(program), program.Length, 0));
            IndexedBitmap strip = DecodeShown(board, 0, 0);
            // The board's view after the strip's one-panel lead-in has scrolled by: the text's first 64 columns.
            // The same windows, 2 px apart, make the animated preview at the end.
            IReadOnlyList<IndexedBitmap> windows = ScrollAnimation.Frames(strip, PanelWidth, step: 2);
            stdout.Write(AnsiPreview.Render(windows[PanelWidth / 2]));

            // 4. What a board refuses. Each attempt leaves what it shows unchanged.
            step.Next("What the board refuses (it keeps showing the program above):");
            byte[] tampered = Copy(program);
            tampered[tampered.Length / 2] ^= 0x01;
            Report(stdout, "one bit changed in transit", board.Receive(tampered, tampered.Length, 0));
            Report(stdout, "the same program again (the broker's retained copy)", board.Receive(Copy(program), program.Length, 0));
            byte[] older = Take(gateway, ProgramComposer.ComposeProgram(gateway, new[] { new BulletinItem(alert) }, sequence - 1, now));
            Report(stdout, "a properly signed but older program (rollback)", board.Receive(older, older.Length, 0));
            var stranger = new MessageBuilder(HashOf("lc-mlt-gate-2"), keyId: 1, key);
            byte[] elsewhere = Take(stranger, ProgramComposer.ComposeProgram(stranger, new[] { new BulletinItem(alert) }, sequence + 1, now));
            Report(stdout, "a program signed for another board", board.Receive(elsewhere, elsewhere.Length, 0));
            var forger = new MessageBuilder(boardHash, keyId: 1, RandomNumberGenerator.GetBytes(KeyRing.KeySize));
            byte[] forged = Take(forger, ProgramComposer.ComposeProgram(forger, new[] { new BulletinItem(alert) }, sequence + 2, now));
            Report(stdout, "a program signed with a guessed key", board.Receive(forged, forged.Length, 0));

            // 5. Power loss: the board stored the program, then its replay state, before showing it; after the reboot
            //    it restores both from flash, and an attacker re-publishes the older program captured earlier.
            var storageAfterBoot = new BoardStorage(flash);
            var replayAfterBoot = new ReplayGuard();
            storageAfterBoot.LoadState(replayAfterBoot);
            var rebooted = new ContentReceiver(BoardName, keys, replayAfterBoot, NewSessionNonce(), BoardClockNow(), storageAfterBoot);
            step.Next("After a power cut the board reboots with its saved replay state:");
            byte[] stored = storageAfterBoot.ReadContent(ReplayGuard.StreamProgram) ?? Array.Empty<byte>();
            int restored = rebooted.Restore(stored, stored.Length, 0);
            stdout.WriteLine($"   {"the program kept on flash",-52} -> {(restored is WireError.None or WireError.Duplicate ? "verified again and shown" : "REJECTED: " + WireError.Describe(restored))}");
            Report(stdout, "the older program re-published by an attacker", rebooted.Receive(Copy(older), older.Length, 0));

            // 6. Emergency: played at once over the program, cleared with one action.
            ulong alertSequence = sequence + 10;
            byte[] alertMessage = Take(gateway, ProgramComposer.ComposeAlert(gateway, new BulletinItem(alert), alertSequence, now));
            step.Next($"Emergency alert \"{Emergency}\" (red, {alert.PixelFormat}, blinking every {alert.BlinkPeriodMs} ms), played over the program:");
            foreach (string warning in alert.Warnings)
            {
                stdout.WriteLine("   note: " + warning);
            }

            Report(stdout, "the alert", rebooted.Receive(alertMessage, alertMessage.Length, 0));
            IndexedBitmap alertShown = DecodeShown(rebooted, HeldContent.ItemAlert, 0);
            stdout.Write(AnsiPreview.Render(alertShown));
            byte[] clear = Take(gateway, gateway.BuildAlertClear(alertSequence, alertSequence + 1, now));
            Report(stdout, "the one-action clear", rebooted.Receive(clear, clear.Length, 0));
            stdout.WriteLine($"   alert active: {(rebooted.Content.IsAlertActiveAt(now) ? "yes" : "no")}; the board is back on its program.");

            // 7. A character no font has is refused before publishing, with its name and position.
            const string Unsupported = "Chợ phiên 🐃 Sì Lở Lầu";
            step.Next($"An editor types \"{Unsupported}\":");
            foreach (MissingCharacter m in Coverage.Check(Unsupported, fontSet))
            {
                stdout.WriteLine("   refused before publishing: " + m);
            }

            // 8. Previews as a person would see the LEDs.
            Directory.CreateDirectory(outputFolder);
            string scrollFile = Path.Combine(outputFolder, "program-scroll.png");
            string alertFile = Path.Combine(outputFolder, "alert.png");
            File.WriteAllBytes(scrollFile, ApngWriter.Encode(LedPreview.RenderAll(windows, 4), 2 * ScrollAnimation.DefaultStepMs));
            File.WriteAllBytes(alertFile, PngWriter.EncodeIndexed(LedPreview.Render(alertShown, 4)));
            step.Next($"LED previews: {scrollFile} (animated), {alertFile}");
            return ExitCodes.Ok;
        }

        private static void Report(TextWriter stdout, string what, int code)
        {
            string verdict = code switch
            {
                WireError.None => "accepted",
                WireError.Duplicate => "already has it: nothing to do",
                _ => "REJECTED: " + WireError.Describe(code),
            };
            stdout.WriteLine($"   {what,-52} -> {verdict}");
        }

        /// <summary>Decodes what the board holds for an item (or <see cref="HeldContent.ItemAlert"/>) with the core,
        /// into a bitmap for the preview.</summary>
        private static IndexedBitmap DecodeShown(ContentReceiver board, int item, int frame)
        {
            var header = new FrameHeader();
            var pixels = new byte[WireLimits.MaxFrameRawBytes];
            if (!board.Content.TryDecodeFrame(item, frame, header, pixels, out int error))
            {
                throw new InvalidOperationException("The board could not decode what it accepted: " + WireError.Describe(error));
            }

            return FramePacker.Unpack(header, pixels);
        }

        private static byte[] Take(MessageBuilder builder, int length)
        {
            if (length < 0)
            {
                throw new InvalidOperationException("Message not built: " + WireError.Describe(-length));
            }

            return builder.Buffer.AsSpan(0, length).ToArray();
        }

        private static byte[] Copy(byte[] message) => (byte[])message.Clone();

        private static byte[] HashOf(string boardName)
        {
            var hash = new byte[BoardId.HashSize];
            BoardId.ComputeHash(boardName, hash, 0);
            return hash;
        }

        /// <summary>The demo board's clock: this machine's UTC stands in for the SNTP time a real board gets online.</summary>
        private static BoardClock BoardClockNow()
        {
            var clock = new BoardClock();
            clock.SetNetworkTime(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0);
            return clock;
        }

        private static ulong NewSessionNonce()
        {
            ulong nonce;
            do
            {
                nonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            }
            while (nonce == 0);
            return nonce;
        }

        /// <summary>Numbers the story's steps.</summary>
        private sealed class Steps(TextWriter stdout)
        {
            private int number;

            public void Next(string text) => stdout.WriteLine($"{++number}. {text}");
        }
    }
}
