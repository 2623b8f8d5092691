using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// Events waiting to be published, oldest first, in a fixed ring of <see cref="Capacity"/> preallocated events.
    /// Some events must survive a power cut and any number of hours offline (every use of the emergency button: the
    /// border guard's action must reach the province); they are marked persistent and saved with the board's local
    /// state (<see cref="LocalStateFile"/>). The rest (rejections, alert shown/ended, command done) are kept in RAM
    /// only: an attacker flooding the board with bad messages must not wear out its flash. When the ring is full a
    /// new event replaces the oldest non-persistent one; if all are persistent, the oldest one. Allocates nothing.
    /// </summary>
    public sealed class EventOutbox
    {
        /// <summary>Events held at most: enough for a day of button use and a burst of rejections.</summary>
        public const int Capacity = 16;

        private readonly BoardEvent[] _events = new BoardEvent[Capacity];
        private readonly bool[] _persistent = new bool[Capacity];
        private int _head;
        private int _count;

        /// <summary>Creates the ring and its event objects.</summary>
        public EventOutbox()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _events[i] = new BoardEvent();
            }
        }

        /// <summary>Events waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Events dropped because the ring was full, since boot.</summary>
        public int Dropped { get; private set; }

        /// <summary>The oldest waiting event; valid while Count &gt; 0. Owned by the outbox.</summary>
        public BoardEvent Oldest
        {
            get { return _events[_head]; }
        }

        /// <summary>True when the oldest waiting event must survive a power cut.</summary>
        public bool OldestIsPersistent
        {
            get { return _count > 0 && _persistent[_head]; }
        }

        /// <summary>Number of waiting persistent events.</summary>
        public int PersistentCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _count; i++)
                {
                    if (_persistent[(_head + i) % Capacity])
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>Queues a copy of <paramref name="boardEvent"/>; <paramref name="persistent"/> marks it for the local state file.</summary>
        public void Add(BoardEvent boardEvent, bool persistent)
        {
            if (_count == Capacity)
            {
                DropOne();
            }

            int slot = (_head + _count) % Capacity;
            _events[slot].CopyFrom(boardEvent);
            _persistent[slot] = persistent;
            _count++;
        }

        /// <summary>The oldest event was published: it leaves the ring.</summary>
        public void RemoveOldest()
        {
            if (_count == 0)
            {
                return;
            }

            _head = (_head + 1) % Capacity;
            _count--;
        }

        /// <summary>The waiting persistent event number <paramref name="n"/> (0 = oldest), or null.</summary>
        public BoardEvent? PersistentAt(int n)
        {
            for (int i = 0; i < _count; i++)
            {
                int slot = (_head + i) % Capacity;
                if (_persistent[slot] && n-- == 0)
                {
                    return _events[slot];
                }
            }

            return null;
        }

        private void DropOne()
        {
            Dropped++;
            for (int i = 0; i < _count; i++)
            {
                int slot = (_head + i) % Capacity;
                if (!_persistent[slot])
                {
                    // Close the gap: move the older events up one place.
                    for (int j = i; j > 0; j--)
                    {
                        int to = (_head + j) % Capacity;
                        int from = (_head + j - 1) % Capacity;
                        _events[to].CopyFrom(_events[from]);
                        _persistent[to] = _persistent[from];
                    }

                    _head = (_head + 1) % Capacity;
                    _count--;
                    return;
                }
            }

            RemoveOldest();
        }
    }
}
