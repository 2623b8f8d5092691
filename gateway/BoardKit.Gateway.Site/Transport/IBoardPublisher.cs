using System.Threading;
using System.Threading.Tasks;
using BoardKit.Gateway.Site.Signing;

namespace BoardKit.Gateway.Site.Transport
{
    /// <summary>
    /// Where signed messages leave the gateway for the site's broker. A message is queued durably before
    /// <see cref="PublishAsync"/> returns (it survives a gateway restart and a broker outage) and is delivered in order
    /// per topic with the QoS and retain flag it carries.
    /// </summary>
    public interface IBoardPublisher
    {
        /// <summary>Queues <paramref name="message"/> for delivery; returns once it is stored, not once it is delivered.</summary>
        /// <exception cref="OutboxFullException">The outgoing queue is at its bound; nothing was queued.</exception>
        Task PublishAsync(SignedMessage message, CancellationToken cancellationToken = default);
    }

    /// <summary>The outgoing queue is full (the broker has been unreachable for long); the message was not queued.</summary>
    public sealed class OutboxFullException(string message) : System.Exception(message);
}
