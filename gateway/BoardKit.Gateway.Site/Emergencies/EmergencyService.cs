using System;
using System.Device.Gpio;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The site emergency as a hosted service of <c>boardkit run</c>: the Pi's button (hold: start the emergency with
    /// the configured texts, or clear it while one is on, as on the boards) and the hourly re-issue check of a long
    /// emergency. Every action is logged (and written to the audit log by <see cref="SiteEmergency"/>). Host it with
    /// <c>services.AddHostedService</c> or call <see cref="StartAsync"/>/<see cref="StopAsync"/> directly.
    /// </summary>
    public sealed class EmergencyService : IHostedService, IAsyncDisposable
    {
        private readonly SiteEmergency _emergency;
        private readonly EmergencyOptions _options;
        private readonly Func<EmergencyButtonOptions, GpioController>? _controllerFactory;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;
        private readonly SemaphoreSlim _holdGate = new(1, 1);
        private EmergencyButton? _button;
        private ITimer? _reissueTimer;
        private Task _lastAction = Task.CompletedTask;

        /// <summary>
        /// The service for <paramref name="emergency"/> with <paramref name="options"/>. <paramref name="controllerFactory"/>
        /// opens the GPIO controller for the button (null: <see cref="LibGpiodController"/>, the Pi's libgpiod driver);
        /// <paramref name="time"/> null: the system clock.
        /// </summary>
        public EmergencyService(SiteEmergency emergency, EmergencyOptions options, Func<EmergencyButtonOptions, GpioController>? controllerFactory = null, TimeProvider? time = null, ILogger<EmergencyService>? logger = null)
        {
            _emergency = emergency ?? throw new ArgumentNullException(nameof(emergency));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _controllerFactory = controllerFactory;
            _time = time ?? TimeProvider.System;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
        }

        /// <summary>The button, once started with Emergency:Button:Enabled (null otherwise).</summary>
        public EmergencyButton? Button => _button;

        /// <summary>The button's texts, as <see cref="EmergencyTexts"/>.</summary>
        /// <exception cref="ArgumentException">No Vietnamese text, or an empty one.</exception>
        public EmergencyTexts ButtonTexts => new(_options.Texts);

        /// <summary>The Pi's GPIO controller on libgpiod, chip <see cref="EmergencyButtonOptions.Chip"/>.</summary>
        public static GpioController LibGpiodController(EmergencyButtonOptions options) =>
            new(new System.Device.Gpio.Drivers.LibGpiodDriver(options.Chip));

        /// <summary>Opens the button (when enabled) and starts the re-issue check (at once, then hourly).</summary>
        /// <exception cref="ArgumentException">Bad button options or texts: the message names the key.</exception>
        public Task StartAsync(CancellationToken cancellationToken)
        {
            EmergencyTexts texts = ButtonTexts;
            if (_options.Button.Enabled)
            {
                if (_options.Button.Problems().Count > 0)
                {
                    throw new ArgumentException(string.Join(" ", _options.Button.Problems()));
                }

                GpioController controller = (_controllerFactory ?? LibGpiodController)(_options.Button);
                _button = new EmergencyButton(controller, _options.Button, _time, shouldDispose: true);
                _button.HoldCompleted += (_, _) => _lastAction = OnHoldAsync(texts);
                _button.ShortPress += (_, _) => _logger.LogInformation("Emergency button (GPIO {Gpio}): short press, ignored (hold {HoldMs} ms to act)", _options.Button.Gpio, _options.Button.HoldMs);
                if (_button.PressedAtStart)
                {
                    _logger.LogWarning("Emergency button (GPIO {Gpio}) reads pressed at start: stuck, or wired to the wrong pin. That press is ignored.", _options.Button.Gpio);
                }

                _logger.LogInformation("Emergency button on GPIO {Gpio} (chip {Chip}): hold {HoldMs} ms to start or clear the site emergency of {Site}", _options.Button.Gpio, _options.Button.Chip, _options.Button.HoldMs, _emergency.Site);
            }

            _reissueTimer = _time.CreateTimer(_ => _ = ReissueAsync(), null, TimeSpan.Zero, SiteEmergency.ReissueCheckInterval);
            return Task.CompletedTask;
        }

        /// <summary>Closes the button, stops the re-issue check and waits for an action under way.</summary>
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _button?.Dispose();
            _button = null;
            if (_reissueTimer is not null)
            {
                await _reissueTimer.DisposeAsync().ConfigureAwait(false);
                _reissueTimer = null;
            }

            await _lastAction.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

        /// <summary>What a completed hold does: clear while an emergency is on, else start one. Awaitable by tests through <see cref="LastAction"/>.</summary>
        private async Task OnHoldAsync(EmergencyTexts texts)
        {
            await _holdGate.WaitAsync().ConfigureAwait(false);
            string actor = $"button:gpio{_options.Button.Gpio}";
            try
            {
                if (_emergency.IsActive)
                {
                    _logger.LogWarning("Emergency button held: clearing the site emergency of {Site}", _emergency.Site);
                    await _emergency.ClearAsync(actor).ConfigureAwait(false);
                }
                else
                {
                    _logger.LogWarning("Emergency button held: starting the site emergency of {Site}", _emergency.Site);
                    await _emergency.StartAsync(texts, null, actor).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                // Refusals were recorded; anything else (a full disk) must not stop the service: the next hold tries again.
                _logger.LogError(e, "Emergency button: the action failed");
            }
            finally
            {
                _holdGate.Release();
            }
        }

        /// <summary>The action the last hold started (completed when none is running).</summary>
        public Task LastAction => _lastAction;

        private async Task ReissueAsync()
        {
            try
            {
                EmergencyResult? result = await _emergency.ReissueIfDueAsync().ConfigureAwait(false);
                if (result is not null)
                {
                    _logger.LogWarning("Site emergency #{EmergencyId} issued again for {Boards} boards", result.EmergencyId, result.Boards.Count);
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Site emergency re-issue failed; it is tried again within {Interval}", SiteEmergency.ReissueCheckInterval);
            }
        }
    }
}
