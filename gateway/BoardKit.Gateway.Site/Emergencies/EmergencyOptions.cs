using System.Collections.Generic;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>What the emergency service needs from configuration (section <c>Emergency</c>).</summary>
    public sealed class EmergencyOptions
    {
        /// <summary>The Pi's own button. Config: Emergency:Button.</summary>
        public EmergencyButtonOptions Button { get; set; } = new();

        /// <summary>
        /// What the button puts on the boards, by language (Config: Emergency:Texts:vi, Emergency:Texts:zh ...). Default
        /// "KHẨN CẤP" and "紧急情况" ("emergency"); a site sets its own words, checked for coverage when the service starts.
        /// </summary>
        public Dictionary<string, string> Texts { get; set; } = new() { ["vi"] = "KHẨN CẤP", ["zh"] = "紧急情况" };
    }
}
