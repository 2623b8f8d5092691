namespace BoardKit.Gateway.Site.Signing
{
    /// <summary>
    /// A message signed for one board, with where and how it is published (docs/protocol.md 2): programs, alerts,
    /// clears and presets retained at QoS 1; commands at QoS 1; live frames at QoS 0.
    /// </summary>
    /// <param name="BoardId">The board it is for.</param>
    /// <param name="Topic">boardkit/v1/{site}/{board}/{program|alert|preset|frame|cmd}.</param>
    /// <param name="Payload">The signed envelope.</param>
    /// <param name="Kind">MessageKind of the envelope.</param>
    /// <param name="Sequence">Its sequence.</param>
    /// <param name="Qos">MQTT QoS, 0 or 1.</param>
    /// <param name="Retain">Whether the broker keeps it for boards that connect later.</param>
    public sealed record SignedMessage(string BoardId, string Topic, byte[] Payload, int Kind, ulong Sequence, int Qos, bool Retain);
}
