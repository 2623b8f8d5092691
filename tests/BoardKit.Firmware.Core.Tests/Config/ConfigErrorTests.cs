using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    [TestClass]
    public sealed class ConfigErrorTests
    {
        [TestMethod]
        public void OnPanelCode_EveryCode_IsThreeCharactersAndUniquePerFile()
        {
            var seen = new HashSet<string>();
            for (int code = 0; code <= ConfigError.MaxCode; code++)
            {
                string board = ConfigError.OnPanelCode(code, false);
                string key = ConfigError.OnPanelCode(code, true);
                Assert.AreEqual("C" + code.ToString("00"), board);
                Assert.AreEqual("K" + code.ToString("00"), key);
                Assert.IsTrue(seen.Add(board) && seen.Add(key));
            }

            Assert.AreEqual("C99", ConfigError.OnPanelCode(100, false));
            Assert.AreEqual("K99", ConfigError.OnPanelCode(-1, true));
        }

        [TestMethod]
        public void Describe_EveryCode_IsOneDistinctLine()
        {
            string[] lines = Enumerable.Range(0, ConfigError.MaxCode + 1).Select(ConfigError.Describe).ToArray();
            Assert.IsTrue(lines.All(l => l.Length is > 1 and <= 110 && !l.Contains('\n') && !l.StartsWith("error ")), string.Join("\n", lines));
            Assert.AreEqual(lines.Length, lines.Distinct().Count());
            Assert.AreEqual("error 16", ConfigError.Describe(ConfigError.MaxCode + 1));
        }
    }
}
