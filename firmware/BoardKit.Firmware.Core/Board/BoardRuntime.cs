using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// A whole board (docs/protocol.md 15): the receive path, the player, the LED output with its power budget, the
    /// emergency button, the brightness schedule, the board's clock, its flash and its link to the broker, wired the
    /// same way on the ESP32 (device glue), in the simulator and in tests. Three entry points, each safe to call from
    /// its own thread (one lock inside):
    /// <list type="bullet">
    /// <item><see cref="Step"/>, the display loop (every 20-40 ms): button, commands, time, player, LEDs.</item>
    /// <item><see cref="OnMessage"/>, from the MQTT client's receive callback, for every message.</item>
    /// <item><see cref="NetworkStep"/>, the network loop (Link): connects with backoff, publishes status and events.</item>
    /// </list>
    /// Everything is allocated at construction and boot; a played frame allocates nothing.
    /// </summary>
    public sealed class BoardRuntime
    {
        /// <summary>How often the board checkpoints its time on flash while it has network time, ms (6 h): after a reboot without network, content that expired meanwhile stays expired (docs/protocol.md 15.2).</summary>
        public const long CheckpointIntervalMs = 6L * 3600 * 1000;

        private readonly object _gate = new object();
        private readonly BoardSetup _setup;
        private readonly IEmergencyButton? _button;
        private readonly BoardStorage _storage;
        private readonly ReplayGuard _replay = new ReplayGuard();
        private readonly BoardClock _clock = new BoardClock();
        private readonly ContentReceiver _receiver;
        private readonly PanelFrame _panel;
        private readonly Player _player;
        private readonly LedOutput _output;
        private readonly BrightnessSchedule _brightness;
        private readonly EmergencyButtonLogic? _buttonLogic;
        private readonly EventOutbox _outbox = new EventOutbox();
        private readonly LocalStateFile _localState = new LocalStateFile();
        private readonly BoardEvent _event = new BoardEvent();
        private readonly ProgramItem _scratchItem = new ProgramItem();
        private readonly BoardLink? _link;

        private bool _booted;
        private bool _alertWasActive;
        private ulong _alertShownSequence;
        private int _alertVersionSeen = -1;
        private long _lastCheckpointMs;
        private int _lastBrightness = -1;
        private int _lastFlags = -1;
        private ulong _lastProgramSequence;
        private int _lastAlertState = -1;
        private uint _lastEpoch;
        private int _corruptSlots;

        /// <summary>
        /// Builds a board from its <paramref name="setup"/> (BoardSetup.Load) and its hardware: one
        /// <paramref name="sinks"/> entry per configured chain, the emergency <paramref name="button"/> (null: none),
        /// the raw flash <paramref name="files"/>, the <paramref name="mqtt"/> port (null: never connects), the random
        /// non-zero 64-bit <paramref name="sessionNonce"/> of this boot and the firmware version for status.
        /// A board that cannot run (setup.CanRun false) shows its diagnostic code, accepts nothing and stays offline.
        /// </summary>
        /// <exception cref="System.ArgumentException">Sinks that do not match the configuration, or a nonce of 0.</exception>
        public BoardRuntime(BoardSetup setup, IPixelSink[] sinks, IEmergencyButton? button, IFileStore files, IMqttPort? mqtt, ulong sessionNonce, string firmwareVersion)
        {
            if (setup == null || sinks == null || files == null)
            {
                throw new System.ArgumentException("setup, sinks and files are required");
            }

            BoardConfig config = setup.Config;
            if (sinks.Length != config.Chains.Length)
            {
                throw new System.ArgumentException("one pixel sink per configured chain");
            }

            _setup = setup;
            _button = button;
            _storage = new BoardStorage(files);
            _receiver = new ContentReceiver(config.Board, setup.Keys, _replay, sessionNonce, _clock, setup.CanRun ? _storage : null);
            _panel = new PanelFrame(config.Panel.Width, config.Panel.Height);
            _player = new Player(_receiver.Content, _panel, config.Board);
            var map = new PixelMap(config.Tiles, config.Panel.Width, config.Panel.Height, config.Chains.Length);
            var power = new PowerBudget(config.Power.BudgetMilliamps, config.Power.IdleMilliampsPerLed, config.Power.MilliampsPerChannel);
            _output = new LedOutput(map, new GammaTable(config.Led.GammaThousandths / 1000.0), config.Led.ColorOrder, power, sinks);
            BrightnessConfig b = config.Brightness;
            _brightness = new BrightnessSchedule(b.Day, b.Night, b.NightFromMinute, b.NightUntilMinute, config.UtcOffsetMinutes);
            if (config.Button != null)
            {
                _buttonLogic = new EmergencyButtonLogic(config.Button.HoldMs, config.Button.DebounceMs);
            }

            Status = new StatusReport(firmwareVersion);
            if (setup.CanRun && mqtt != null)
            {
                _link = new BoardLink(this, mqtt, new BoardTopics(config.Site, config.Board), config.Board, setup.MqttPassword, setup.Keys, sessionNonce);
            }

            _player.SetDiagnostic(setup.DiagnosticCode);
        }

        /// <summary>The board's setup: configuration, keys, diagnostic.</summary>
        public BoardSetup Setup
        {
            get { return _setup; }
        }

        /// <summary>The receive path (held content, counters, replay state). Read it under <see cref="SyncRoot"/> from other threads.</summary>
        public ContentReceiver Receiver
        {
            get { return _receiver; }
        }

        /// <summary>The player.</summary>
        public Player Player
        {
            get { return _player; }
        }

        /// <summary>The logical panel as last drawn.</summary>
        public PanelFrame Panel
        {
            get { return _panel; }
        }

        /// <summary>The LED output (current estimate, applied brightness).</summary>
        public LedOutput Output
        {
            get { return _output; }
        }

        /// <summary>The board's clock.</summary>
        public BoardClock Clock
        {
            get { return _clock; }
        }

        /// <summary>Events waiting to be published.</summary>
        public EventOutbox Outbox
        {
            get { return _outbox; }
        }

        /// <summary>The link to the broker, or null (no MQTT port, or the board cannot run).</summary>
        public BoardLink? Link
        {
            get { return _link; }
        }

        /// <summary>The status the board publishes (filled by <see cref="FillStatus"/>).</summary>
        public StatusReport Status { get; private set; }

        /// <summary>The lock every entry point takes; hold it to read the board's state from another thread.</summary>
        public object SyncRoot
        {
            get { return _gate; }
        }

        /// <summary>BoardStorage.LoadState's answer at boot (StateLoaded, StateFresh, StateLost).</summary>
        public int StateLoad { get; private set; }

        /// <summary>True while the emergency started with the button (or kept from before a power cut) is on.</summary>
        public bool LocalEmergency
        {
            get { return _player.LocalEmergency; }
        }

        /// <summary>True after a reboot command was carried out: the glue reboots once the outbox is published (or after a timeout).</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>True when something the gateway should know changed since the last status (the link publishes one soon).</summary>
        public bool StatusChanged { get; internal set; }

        /// <summary>Free managed heap in bytes, for status; the glue sets it (nanoFramework: GC.Run(false)). 0 = unknown.</summary>
        public uint FreeHeapBytes { get; set; }

        /// <summary>
        /// Boots at <paramref name="monotonicMs"/>: loads the replay state, starts the clock from its saved lower bound,
        /// restores the stored program, alert and preset, the local emergency and the undelivered button events, queues
        /// the Booted event (and StateLost when the replay state was lost), and draws the first frame.
        /// </summary>
        public void Boot(long monotonicMs)
        {
            lock (_gate)
            {
                if (_booted)
                {
                    return;
                }

                _booted = true;
                if (_setup.CanRun)
                {
                    StateLoad = _storage.LoadState(_replay);
                    _clock.Start(_replay.TimeLowerBound, monotonicMs);
                    _receiver.RestoreStoredContent(monotonicMs);
                    byte[]? local = _storage.ReadAtomic(LocalStateFile.FileName, LocalStateFile.NewFileName);
                    if (local != null && _localState.TryRead(local, local.Length, _outbox))
                    {
                        _player.SetLocalEmergency(_localState.LocalEmergency);
                    }

                    _corruptSlots = StateLoad == BoardStorage.StateLost ? 1 : 0;
                }

                QueueEvent(BoardEvent.CodeBooted, 0, 0, 0, monotonicMs, false);
                if (StateLoad == BoardStorage.StateLost)
                {
                    QueueEvent(BoardEvent.CodeStateLost, _corruptSlots, 0, 0, monotonicMs, false);
                }

                _alertVersionSeen = _receiver.Content.AlertVersion;
                _alertWasActive = _receiver.Content.IsAlertActiveAt(_clock.NowUnixSeconds(monotonicMs));
                _alertShownSequence = _alertWasActive ? _receiver.Content.AlertSequence : 0;
                StatusChanged = true;
                Render(monotonicMs);
            }
        }

        /// <summary>
        /// One received MQTT message message[0..length) at <paramref name="monotonicMs"/> (any thread). The board keeps
        /// the array if it takes the message: pass a fresh one each time (M2Mqtt and MQTTnet do). Returns the WireError.
        /// </summary>
        public int OnMessage(byte[] message, int length, long monotonicMs)
        {
            lock (_gate)
            {
                int verdict = _receiver.Receive(message, length, monotonicMs);
                if (verdict != WireError.None && verdict != WireError.Duplicate)
                {
                    QueueEvent(BoardEvent.CodeMessageRejected, verdict, _receiver.LastKind, _receiver.LastSequence, monotonicMs, false);
                    StatusChanged = true;
                    return verdict;
                }

                if (_receiver.LastEndedAlertSequence != 0)
                {
                    QueueEvent(BoardEvent.CodeAlertEnded, 0, MessageKind.AlertClear, _receiver.LastEndedAlertSequence, monotonicMs, false);
                    _alertWasActive = false;
                    _alertShownSequence = 0;
                }

                HandleCommands(monotonicMs);
                return verdict;
            }
        }

        /// <summary>
        /// One display step at <paramref name="monotonicMs"/> with <paramref name="networkUtcMs"/> (IClock.UtcMs, 0 when
        /// the board has no network time): samples the button, carries out commands, notices alerts that start or expire,
        /// checkpoints the time, advances the player and sends the frame to the LEDs when it (or the brightness) changed.
        /// Returns true when the LEDs were updated. Allocates nothing.
        /// </summary>
        public bool Step(long monotonicMs, long networkUtcMs)
        {
            lock (_gate)
            {
                if (!_booted)
                {
                    return false;
                }

                if (networkUtcMs > 0)
                {
                    _clock.SetNetworkTime(networkUtcMs, monotonicMs);
                }

                SampleButton(monotonicMs);
                HandleCommands(monotonicMs);
                WatchAlert(monotonicMs);
                if (_clock.HasNetworkTime && monotonicMs - _lastCheckpointMs >= CheckpointIntervalMs && _setup.CanRun)
                {
                    _lastCheckpointMs = monotonicMs;
                    _receiver.SaveCheckpoint(monotonicMs);
                }

                bool shown = Render(monotonicMs);
                NoteStatusChanges(monotonicMs);
                return shown;
            }
        }

        /// <summary>One network step at <paramref name="monotonicMs"/> (the link's thread; blocks while it talks to the broker). Does nothing without a link.</summary>
        public void NetworkStep(long monotonicMs)
        {
            if (_link != null)
            {
                _link.Step(monotonicMs);
            }
        }

        /// <summary>Fills <see cref="Status"/>'s BoardStatus with the board's state at <paramref name="monotonicMs"/>. Call under <see cref="SyncRoot"/>.</summary>
        public BoardStatus FillStatus(long monotonicMs)
        {
            long now = _clock.NowUnixSeconds(monotonicMs);
            HeldContent c = _receiver.Content;
            BoardStatus s = Status.Value;
            Status.SetCommonFields();
            s.UptimeSeconds = (uint)(monotonicMs / 1000);
            s.Mark(BoardStatus.TagUptime);
            if (FreeHeapBytes > 0)
            {
                s.FreeHeapBytes = FreeHeapBytes;
                s.Mark(BoardStatus.TagFreeHeap);
            }

            s.ProgramSequence = c.ProgramSequence;
            s.ProgramItemIndex = _player.ItemIndex & 0xFF;
            s.Mark(BoardStatus.TagProgram);
            s.AlertState = c.AlertStateAt(now);
            s.AlertSequence = c.AlertSequence;
            s.Mark(BoardStatus.TagAlert);
            s.LedCurrentMa = (uint)_output.EstimatedCurrentMa;
            s.Mark(BoardStatus.TagLedCurrent);
            s.RejectedCount = (uint)_receiver.RejectedCount;
            s.BadTagCount = (uint)_receiver.BadTagCount;
            s.ReplayCount = (uint)_receiver.ReplayCount;
            s.DecodeErrorCount = (uint)_receiver.DecodeErrorCount;
            s.Mark(BoardStatus.TagErrorCounters);
            s.ButtonPresses = _buttonLogic == null ? 0U : (uint)_buttonLogic.PressCount;
            s.Mark(BoardStatus.TagButtonPresses);
            if (_receiver.RejectedCount > 0)
            {
                s.LastRejectionCode = _receiver.LastError;
                s.LastRejectionKind = _receiver.LastKind;
                s.Mark(BoardStatus.TagLastRejection);
            }

            s.Brightness = _output.AppliedBrightness;
            s.Mark(BoardStatus.TagBrightness);
            s.KeyIdCount = _setup.Keys.CopyKeyIds(s.KeyIds, 0);
            if (s.KeyIdCount > 0)
            {
                s.Mark(BoardStatus.TagKeyIds);
            }

            s.Flags = Flags();
            s.Mark(BoardStatus.TagFlags);
            s.Epoch = _replay.Epoch;
            s.Mark(BoardStatus.TagEpoch);
            s.BoardTime = now > 0 && now <= 0xFFFFFFFFL ? (uint)now : 0;
            s.BoardTimeQuality = _clock.Quality;
            s.Mark(BoardStatus.TagBoardTime);
            s.Showing = _player.Showing;
            s.Mark(BoardStatus.TagShowing);
            return s;
        }

        /// <summary>The link published the oldest event: it leaves the outbox (and the flash, if it was a button event). Under the lock.</summary>
        internal void EventDelivered()
        {
            bool persistent = _outbox.OldestIsPersistent;
            _outbox.RemoveOldest();
            if (persistent)
            {
                SaveLocalState();
            }
        }

        private int Flags()
        {
            int flags = 0;
            if (_replay.Recovering)
            {
                flags |= BoardStatus.FlagRecovering;
            }

            if (_player.LocalEmergency)
            {
                flags |= BoardStatus.FlagLocalEmergency;
            }

            if (_output.BudgetLimited)
            {
                flags |= BoardStatus.FlagPowerLimited;
            }

            return flags;
        }

        private void NoteStatusChanges(long monotonicMs)
        {
            HeldContent c = _receiver.Content;
            int alertState = c.AlertStateAt(_clock.NowUnixSeconds(monotonicMs));
            int flags = Flags();
            if (c.ProgramSequence != _lastProgramSequence || alertState != _lastAlertState || flags != _lastFlags || _replay.Epoch != _lastEpoch)
            {
                _lastProgramSequence = c.ProgramSequence;
                _lastAlertState = alertState;
                _lastFlags = flags;
                _lastEpoch = _replay.Epoch;
                StatusChanged = true;
            }
        }

        private bool Render(long monotonicMs)
        {
            long now = _clock.NowUnixSeconds(monotonicMs);
            bool changed = _player.Step(monotonicMs, now);
            int level = _brightness.LevelAt(now, IsEmergencyShowing());
            if (!changed && level == _lastBrightness)
            {
                return false;
            }

            _lastBrightness = level;
            return _output.Show(_panel, level);
        }

        private bool IsEmergencyShowing()
        {
            int showing = _player.Showing;
            if (showing == ShowingCode.Alert || showing == ShowingCode.LocalEmergency)
            {
                return true;
            }

            return showing == ShowingCode.ProgramItem && _player.ItemIndex != ShowingCode.NoItem
                && _receiver.Content.TryGetProgramItem(_player.ItemIndex, _scratchItem) && _scratchItem.Level == ProgramItem.LevelEmergency;
        }

        private void SampleButton(long monotonicMs)
        {
            if (_buttonLogic == null || _button == null || !_setup.CanRun)
            {
                return;
            }

            int action = _buttonLogic.Update(_button.IsPressed, monotonicMs);
            if (action == EmergencyButtonLogic.ActionShortPress)
            {
                QueueEvent(BoardEvent.CodeButtonPressed, BoardEvent.SourceButton, 0, 0, monotonicMs, false);
                StatusChanged = true;
            }
            else if (action == EmergencyButtonLogic.ActionHoldCompleted)
            {
                SetLocalEmergency(!_player.LocalEmergency, BoardEvent.SourceButton, monotonicMs);
            }
        }

        private void SetLocalEmergency(bool on, int source, long monotonicMs)
        {
            if (on == _player.LocalEmergency)
            {
                return;
            }

            _player.SetLocalEmergency(on);
            _localState.LocalEmergency = on;
            _localState.LocalEmergencySince = on ? _clock.LowerBoundToSave(monotonicMs) : 0;
            QueueEvent(on ? BoardEvent.CodeEmergencyStarted : BoardEvent.CodeEmergencyEnded, source, 0, 0, monotonicMs, true);
            SaveLocalState();
            StatusChanged = true;
        }

        private void SaveLocalState()
        {
            if (!_setup.CanRun)
            {
                return;
            }

            int length = _localState.Write(_outbox);
            _storage.WriteAtomic(LocalStateFile.FileName, LocalStateFile.NewFileName, _localState.Buffer, length);
        }

        private void HandleCommands(long monotonicMs)
        {
            CommandQueue queue = _receiver.Commands;
            while (queue.Count > 0)
            {
                Command command = queue.Oldest;
                switch (command.Code)
                {
                    case Command.CodeBrightness:
                        _brightness.SetOverride(command.BrightnessLevel);
                        break;
                    case Command.CodeIdentify:
                        _player.StartIdentify(monotonicMs, command.IdentifySeconds);
                        break;
                    case Command.CodeReboot:
                        RebootRequested = true;
                        break;
                    case Command.CodeEndLocalEmergency:
                        SetLocalEmergency(false, BoardEvent.SourceCommand, monotonicMs);
                        break;
                    default:
                        // Request status and resync (already applied by the receive path): a fresh status says the rest.
                        break;
                }

                QueueEvent(BoardEvent.CodeCommandDone, command.Code, MessageKind.Command, command.Sequence, monotonicMs, false);
                queue.RemoveOldest();
                StatusChanged = true;
            }
        }

        private void WatchAlert(long monotonicMs)
        {
            HeldContent c = _receiver.Content;
            long now = _clock.NowUnixSeconds(monotonicMs);
            bool active = c.IsAlertActiveAt(now);
            bool newAlert = c.AlertVersion != _alertVersionSeen;
            _alertVersionSeen = c.AlertVersion;
            if (active && (newAlert || !_alertWasActive))
            {
                _alertShownSequence = c.AlertSequence;
                QueueEvent(BoardEvent.CodeAlertShown, 0, MessageKind.Alert, c.AlertSequence, monotonicMs, false);
            }
            else if (!active && _alertWasActive && _alertShownSequence != 0)
            {
                // Expired (a clear is reported when it arrives): keep the time on flash so it stays expired after a reboot.
                QueueEvent(BoardEvent.CodeAlertEnded, 0, MessageKind.Alert, _alertShownSequence, monotonicMs, false);
                _alertShownSequence = 0;
                if (_setup.CanRun)
                {
                    _receiver.SaveCheckpoint(monotonicMs);
                }
            }

            _alertWasActive = active;
        }

        private void QueueEvent(int code, int detail, int kind, ulong sequence, long monotonicMs, bool persistent)
        {
            _event.Code = code;
            _event.Detail = detail & 0xFFFF;
            _event.Kind = kind;
            _event.Sequence = sequence;
            _event.UptimeSeconds = (uint)(monotonicMs / 1000);
            _event.TimeUnixSeconds = _clock.LowerBoundToSave(monotonicMs);
            _outbox.Add(_event, persistent);
        }
    }
}
