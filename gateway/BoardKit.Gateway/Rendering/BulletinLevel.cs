namespace BoardKit.Gateway.Rendering
{
    /// <summary>How urgent a bulletin is; decides its colours, marker, border and blinking (see <see cref="BulletinStyle"/>).</summary>
    public enum BulletinLevel
    {
        /// <summary>Everyday information: amber text, steady.</summary>
        Normal = 0,

        /// <summary>Important notice: yellow text with a marker bar at the left, steady.</summary>
        Priority = 1,

        /// <summary>Emergency: red text inside a 1-px red border; the board blinks it.</summary>
        Emergency = 2,
    }
}
