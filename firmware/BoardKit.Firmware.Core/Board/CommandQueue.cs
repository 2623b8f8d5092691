using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// Accepted commands waiting for the board runtime, oldest first, in a fixed ring of <see cref="Capacity"/>
    /// preallocated <see cref="Command"/> objects. A command arriving when the ring is full is refused
    /// (WireError.CommandQueueFull) before its sequence is used, so the gateway can send it again. Allocates nothing.
    /// </summary>
    public sealed class CommandQueue
    {
        /// <summary>Commands held at most: a board carries each out within one step, so 4 only absorbs a burst.</summary>
        public const int Capacity = 4;

        private readonly Command[] _commands = new Command[Capacity];
        private int _head;
        private int _count;

        /// <summary>Creates the ring and its command objects.</summary>
        public CommandQueue()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _commands[i] = new Command();
            }
        }

        /// <summary>Commands waiting (0..Capacity).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when no slot is free.</summary>
        public bool IsFull
        {
            get { return _count == Capacity; }
        }

        /// <summary>The oldest waiting command; valid while Count &gt; 0. Owned by the queue.</summary>
        public Command Oldest
        {
            get { return _commands[_head]; }
        }

        /// <summary>The slot the next command is decoded into; valid while not full. Call <see cref="Commit"/> once it is valid.</summary>
        internal Command NextFree
        {
            get { return _commands[(_head + _count) % Capacity]; }
        }

        /// <summary>Makes the command written into <see cref="NextFree"/> wait.</summary>
        internal void Commit()
        {
            if (_count < Capacity)
            {
                _count++;
            }
        }

        /// <summary>The oldest command was carried out: the next one, if any, becomes the oldest.</summary>
        public void RemoveOldest()
        {
            if (_count == 0)
            {
                return;
            }

            _head = (_head + 1) % Capacity;
            _count--;
        }
    }
}
