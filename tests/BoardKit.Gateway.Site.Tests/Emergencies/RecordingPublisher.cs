using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Transport;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// Stands in for the MQTT publisher (not on main yet): keeps every message it is given, in order, so the test can
    /// deliver each to the board's real receive path; refuses the boards in <see cref="RefuseFor"/> as a full outgoing
    /// queue would.
    /// </summary>
    internal sealed class RecordingPublisher : IBoardPublisher
    {
        private readonly ConcurrentQueue<SignedMessage> _messages = new();

        public HashSet<string> RefuseFor { get; } = new();

        public IReadOnlyList<SignedMessage> Messages => _messages.ToArray();

        public IReadOnlyList<SignedMessage> For(string boardId) => _messages.Where(m => m.BoardId == boardId).ToArray();

        public Task PublishAsync(SignedMessage message, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RefuseFor.Contains(message.BoardId))
            {
                throw new OutboxFullException("the outgoing queue is full (test)");
            }

            _messages.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
