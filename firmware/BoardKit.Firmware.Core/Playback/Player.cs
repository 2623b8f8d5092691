using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// Turns what the board holds into the logical panel image at a given time. Each <see cref="Step"/> picks the
    /// highest layer that wants the panel, redraws the board's one <see cref="PanelFrame"/> if the picture differs
    /// from the last one drawn, and reports whether any pixel changed. Layers, highest first:
    /// <list type="number">
    /// <item>diagnostic code (<see cref="SetDiagnostic"/>), amber text;</item>
    /// <item>local emergency (<see cref="SetLocalEmergency"/>): the held preset, looping; without one the built-in
    /// red fallback (<see cref="EmergencyFallbackDrawing"/>);</item>
    /// <item>the active alert (HeldContent.IsAlertActiveAt(now)), looping;</item>
    /// <item>program emergency-level items;</item>
    /// <item>identify (<see cref="StartIdentify"/>), for its seconds;</item>
    /// <item>the live frame, while held and younger than <see cref="LiveFrameTimeoutMs"/>;</item>
    /// <item>program normal and priority items (<see cref="ProgramScheduler"/>);</item>
    /// <item>dark.</item>
    /// </list>
    /// Each layer's clock (blink, scroll, pages) starts at the step where it appears, or where its content is replaced
    /// (a new alert, preset, diagnostic code or identify command). A program item covered by a higher layer restarts
    /// from its beginning when the program shows again. Frames are decoded only when the item, page or layer changes; a
    /// scroll beside a still frame holds its still frame and its strip decoded together in the one frame buffer.
    /// <para>Fixed memory, allocated at construction (payload bytes on the 32-bit device; nanoCLR adds ~12 B of header
    /// per object, ~16 objects, ~0.2 KB): decoded frame 16,384 B pixels + 64 B colours + FrameHeader ~72 B (48 B
    /// palette) = ~16.5 KB; the strip beside a still frame, sharing those pixels: 64 B colours + FrameHeader ~72 B +
    /// fields ~24 B = ~160 B; scheduler 5 x 16-entry arrays 320 B + one ProgramItem ~170 B (two 16-entry arrays) +
    /// FrameHeader ~72 B + ItemTimeline ~40 B + fields ~40 B = ~640 B; looping layers' FrameHeader ~72 B + ItemTimeline
    /// ~40 B; player fields ~110 B. Total about 17,560 B (17.8 KB with object headers), 16 KiB of it the frame buffer.
    /// Static tables shared by all players: font 144 B, bar colours 16 B. The PanelFrame (W x H x 3 B: 6 KiB for
    /// 128 x 16, 12 KiB for 128 x 32) belongs to the caller.</para>
    /// Allocates nothing per step (nor after construction); never throws at run time. Not thread-safe: call it under
    /// the same lock as the receiver that changes the HeldContent.
    /// </summary>
    public sealed class Player
    {
        /// <summary>Age at which a live frame is dropped, ms: shown while monotonicMs - received &lt; 10000.</summary>
        public const long LiveFrameTimeoutMs = 10000;

        /// <summary>Colour of diagnostic codes, 0xRRGGBB: amber, for a technician rather than the public.</summary>
        public const int DiagnosticColour = 0xFFA500;

        /// <summary>Milliseconds per second, for identify durations.</summary>
        private const long MsPerSecond = 1000;

        // What the panel holds: the scene last drawn. Two steps with equal scenes draw the same pixels.
        private const int SceneNone = 0;
        private const int SceneBlack = 1;
        private const int SceneFrame = 2;
        private const int SceneStrip = 3;
        private const int SceneText = 4;
        private const int SceneBars = 5;
        private const int SceneFallback = 6;
        private const int SceneStillAndStrip = 7;

        private readonly HeldContent _content;
        private readonly PanelFrame _panel;
        private readonly string _boardId;
        private readonly ProgramScheduler _scheduler;
        private readonly DecodedFrame _frame = new DecodedFrame();

        // The strip of a scroll beside a still frame: decoded into _frame's buffer right after the still frame.
        private readonly DecodedFrame _strip;
        private readonly ItemTimeline _layerTimeline = new ItemTimeline();
        private readonly FrameHeader _layerHeader = new FrameHeader();

        private string? _diagnostic;
        private int _diagnosticSerial;
        private bool _localEmergency;
        private bool _identifyActive;
        private long _identifyEndMs;
        private int _identifySerial;

        private int _layer = -1;
        private int _layerIdentity;
        private long _layerStartMs;

        private int _sceneKind = SceneNone;
        private int _sceneItem;
        private int _sceneFrame;
        private int _sceneVersion;
        private int _sceneOffset;
        private string? _sceneText;

        /// <summary>
        /// Creates the player for <paramref name="content"/> (read; the player only drops stale live frames) drawing
        /// into <paramref name="panel"/> (the board's one panel, drawn only by this player; see <see cref="Invalidate"/>).
        /// <paramref name="boardId"/> is the text of the identify screen (kept by reference).
        /// </summary>
        public Player(HeldContent content, PanelFrame panel, string boardId)
        {
            _content = content;
            _panel = panel;
            _boardId = boardId;
            _scheduler = new ProgramScheduler(content);
            _strip = new DecodedFrame(_frame);
        }

        /// <summary>The panel drawn by <see cref="Step"/> (the caller's, drawn in place).</summary>
        public PanelFrame Panel
        {
            get { return _panel; }
        }

        /// <summary>What the last step showed: a <see cref="ShowingCode"/> value (Dark before the first step).</summary>
        public int Showing { get; private set; }

        /// <summary>Program item on screen after the last step, 0..15, or ShowingCode.NoItem (0xFF) when none is.</summary>
        public int ItemIndex { get; private set; } = ShowingCode.NoItem;

        /// <summary>Monotonic ms at which what is showing (layer, or program item) started its clock.</summary>
        public long ShowingSinceMs { get; private set; }

        /// <summary>Frames decoded since construction (once per item, page or layer change; never per step).</summary>
        public int DecodeCount
        {
            get { return _frame.DecodeCount + _strip.DecodeCount; }
        }

        /// <summary>The diagnostic code on screen, or null.</summary>
        public string? Diagnostic
        {
            get { return _diagnostic; }
        }

        /// <summary>True while a local emergency is set.</summary>
        public bool LocalEmergency
        {
            get { return _localEmergency; }
        }

        /// <summary>
        /// Shows diagnostic <paramref name="code"/> (e.g. "C01", "KEY?": the board cannot run) above everything, or
        /// removes it (null or empty). Kept by reference. A different code restarts the layer's clock.
        /// </summary>
        public void SetDiagnostic(string? code)
        {
            string? next = code == null || code.Length == 0 ? null : code;
            if ((object?)next != (object?)_diagnostic)
            {
                _diagnostic = next;
                _diagnosticSerial++;
            }
        }

        /// <summary>Starts (the button was held) or ends a local emergency.</summary>
        public void SetLocalEmergency(bool active)
        {
            _localEmergency = active;
        }

        /// <summary>
        /// Shows the identify screen from <paramref name="monotonicMs"/> for <paramref name="seconds"/> s (the identify
        /// command: 1..3600); 0 or less ends it. A new command restarts its clock.
        /// </summary>
        public void StartIdentify(long monotonicMs, int seconds)
        {
            if (seconds <= 0)
            {
                StopIdentify();
                return;
            }

            _identifyActive = true;
            _identifyEndMs = monotonicMs + (seconds * MsPerSecond);
            _identifySerial++;
        }

        /// <summary>Ends the identify screen.</summary>
        public void StopIdentify()
        {
            _identifyActive = false;
        }

        /// <summary>Forgets the picture last drawn, so the next step redraws every pixel (after anything else wrote the panel).</summary>
        public void Invalidate()
        {
            _sceneKind = SceneNone;
            _sceneText = null;
        }

        /// <summary>
        /// Plays one step at board time <paramref name="monotonicMs"/> (ms since boot, never decreasing) and
        /// <paramref name="nowUnixSeconds"/> (BoardClock.NowUnixSeconds; 0 = unknown): drops a stale live frame, picks
        /// the layer, redraws the panel if the picture changed. Returns true if any panel pixel differs from before
        /// the step. Updates <see cref="Showing"/>, <see cref="ItemIndex"/> and <see cref="ShowingSinceMs"/>.
        /// </summary>
        public bool Step(long monotonicMs, long nowUnixSeconds)
        {
            if (_content.HasLiveFrame && monotonicMs - _content.LiveFrameReceivedAtMs >= LiveFrameTimeoutMs)
            {
                _content.DropLiveFrame();
            }

            if (_identifyActive && monotonicMs >= _identifyEndMs)
            {
                _identifyActive = false;
            }

            if (_diagnostic != null)
            {
                _scheduler.Suspend();
                EnterLayer(ShowingCode.Diagnostic, _diagnosticSerial, monotonicMs);
                string code = _diagnostic;
                return ShowText(code, TextDrawing.OffsetAt(_panel, code, monotonicMs - _layerStartMs), DiagnosticColour);
            }

            if (_localEmergency)
            {
                _scheduler.Suspend();
                if (_content.HasPreset)
                {
                    return ShowLooping(ShowingCode.LocalEmergency, HeldContent.ItemPreset, _content.PresetVersion, monotonicMs);
                }

                EnterLayer(ShowingCode.LocalEmergency, 0, monotonicMs);
                return ShowScene(SceneFallback, EmergencyFallbackDrawing.IsLitAt(monotonicMs - _layerStartMs) ? 1 : 0, 0, 0, 0, null);
            }

            if (_content.IsAlertActiveAt(nowUnixSeconds))
            {
                _scheduler.Suspend();
                return ShowLooping(ShowingCode.Alert, HeldContent.ItemAlert, _content.AlertVersion, monotonicMs);
            }

            bool identify = _identifyActive;
            bool live = _content.HasLiveFrame;
            int item = _scheduler.Select(monotonicMs, nowUnixSeconds, identify || live);
            if (item != ProgramScheduler.NoItem)
            {
                return ShowProgramItem(item, monotonicMs);
            }

            if (identify)
            {
                EnterLayer(ShowingCode.Identify, _identifySerial, monotonicMs);
                long t = monotonicMs - _layerStartMs;
                if (IdentifyDrawing.IsBarsAt(t))
                {
                    return ShowScene(SceneBars, 0, 0, 0, 0, null);
                }

                return ShowText(_boardId, TextDrawing.OffsetAt(_panel, _boardId, IdentifyDrawing.TextTimeAt(t)), IdentifyDrawing.TextColour);
            }

            if (live)
            {
                EnterLayer(ShowingCode.LiveFrame, _content.LiveFrameVersion, monotonicMs);
                return ShowScene(SceneFrame, HeldContent.ItemLive, 0, _content.LiveFrameVersion, 0, null);
            }

            EnterLayer(ShowingCode.Dark, 0, monotonicMs);
            return ShowScene(SceneBlack, 0, 0, 0, 0, null);
        }

        /// <summary>Records the layer on screen; restarts its clock when it was not on screen or its content changed.</summary>
        private void EnterLayer(int layer, int identity, long monotonicMs)
        {
            if (layer != _layer || identity != _layerIdentity)
            {
                _layer = layer;
                _layerIdentity = identity;
                _layerStartMs = monotonicMs;
            }

            Showing = layer;
            ItemIndex = ShowingCode.NoItem;
            ShowingSinceMs = _layerStartMs;
        }

        /// <summary>An alert or preset: its item loops on the layer's clock.</summary>
        private bool ShowLooping(int layer, int source, int version, long monotonicMs)
        {
            bool restarted = layer != _layer || version != _layerIdentity;
            EnterLayer(layer, version, monotonicMs);
            if (restarted)
            {
                ProgramItem held = source == HeldContent.ItemAlert ? _content.Alert : _content.Preset;
                int error;
                int stripWidth = _content.TryReadFrameHeader(source, ProgramItem.StripFrameIndex(held.Layout), _layerHeader, out error) ? _layerHeader.Width : 1;
                _layerTimeline.Start(held, stripWidth, true);
            }

            return ShowTimed(_layerTimeline, source, version, monotonicMs - _layerStartMs);
        }

        private bool ShowProgramItem(int item, long monotonicMs)
        {
            // The program layer's clock is the item's own (the scheduler restarts it).
            _layer = ShowingCode.ProgramItem;
            _layerIdentity = 0;
            _layerStartMs = _scheduler.StartedAtMs;
            Showing = ShowingCode.ProgramItem;
            ItemIndex = item;
            ShowingSinceMs = _scheduler.StartedAtMs;
            return ShowTimed(_scheduler.Timeline, item, _content.ProgramVersion, monotonicMs - _scheduler.StartedAtMs);
        }

        private bool ShowTimed(ItemTimeline timeline, int source, int version, long t)
        {
            if (!timeline.IsLitAt(t))
            {
                return ShowScene(SceneBlack, 0, 0, 0, 0, null);
            }

            if (timeline.Layout == ProgramItem.LayoutScroll)
            {
                return ShowScene(SceneStrip, source, 0, version, timeline.ScrollOffsetAt(t), null);
            }

            if (timeline.Layout == ProgramItem.LayoutScrollBesideStill)
            {
                return ShowScene(SceneStillAndStrip, source, 0, version, timeline.ScrollOffsetAt(t), null);
            }

            return ShowScene(SceneFrame, source, timeline.FrameAt(t), version, 0, null);
        }

        private bool ShowText(string text, int offset, int colour)
        {
            // The colour rides in the scene's item field: the same text in another colour is another picture.
            return ShowScene(SceneText, colour, 0, 0, offset, text);
        }

        /// <summary>Draws the scene unless it is the one on the panel already. True if any pixel changed.</summary>
        private bool ShowScene(int kind, int item, int frame, int version, int offset, string? text)
        {
            if (kind == _sceneKind && item == _sceneItem && frame == _sceneFrame && version == _sceneVersion
                && offset == _sceneOffset && (object?)text == (object?)_sceneText)
            {
                return false;
            }

            _sceneKind = kind;
            _sceneItem = item;
            _sceneFrame = frame;
            _sceneVersion = version;
            _sceneOffset = offset;
            _sceneText = text;
            switch (kind)
            {
                case SceneFrame:
                    LoadFrame(item, frame, version);
                    return FrameCompositor.DrawPlaced(_frame, _panel);
                case SceneStrip:
                    LoadFrame(item, 0, version);
                    return FrameCompositor.DrawStripWindow(_frame, _panel, offset);
                case SceneStillAndStrip:
                    LoadFrame(item, 0, version);
                    _strip.LoadAt(_content, item, 1, version, StillRawBytes());
                    return FrameCompositor.DrawStillAndStrip(_frame, _strip, _panel, offset);
                case SceneText:
                    return TextDrawing.Draw(_panel, text, item, offset);
                case SceneBars:
                    return IdentifyDrawing.DrawBars(_panel);
                case SceneFallback:
                    return EmergencyFallbackDrawing.Draw(_panel, item != 0);
                default:
                    return PanelPixels.Fill(_panel, PanelPixels.Black);
            }
        }

        /// <summary>
        /// Makes frame <paramref name="frame"/> of <paramref name="item"/> the decoded frame (at the buffer's start);
        /// when that decodes, the strip held behind it is overwritten, so it is forgotten.
        /// </summary>
        private void LoadFrame(int item, int frame, int version)
        {
            int decodes = _frame.DecodeCount;
            _frame.Load(_content, item, frame, version);
            if (_frame.DecodeCount != decodes)
            {
                _strip.Forget();
            }
        }

        /// <summary>Raw bytes of the decoded frame (the still frame): where the strip goes in the shared buffer.</summary>
        private int StillRawBytes()
        {
            FrameHeader h = _frame.Header;
            return _frame.IsValid ? PixelPacking.RawLength(h.Format, h.Width, h.Height) : 0;
        }
    }
}
