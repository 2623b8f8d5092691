using System;
using System.Collections.Generic;
using System.Linq;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The words of a site emergency, one text per language: Vietnamese always, then any of the languages boards show
    /// ("zh" at a border gate, "hmn" ...). Each board shows one page group per language it lists (its
    /// <see cref="Registry.BoardRecord.Languages"/>), Vietnamese first.
    /// </summary>
    public sealed class EmergencyTexts
    {
        /// <summary>The language every emergency carries.</summary>
        public const string Vietnamese = "vi";

        private readonly List<KeyValuePair<string, string>> _texts;

        /// <summary>Texts by language tag, in the order given; "vi" is required.</summary>
        /// <exception cref="ArgumentException">No Vietnamese text, an empty text, a language twice, or a malformed tag.</exception>
        public EmergencyTexts(IEnumerable<KeyValuePair<string, string>> texts)
        {
            ArgumentNullException.ThrowIfNull(texts);
            _texts = new List<KeyValuePair<string, string>>();
            foreach ((string language, string text) in texts)
            {
                if (string.IsNullOrEmpty(language) || language.Length > 16 || !language.All(c => c is (>= 'a' and <= 'z') or '-'))
                {
                    throw new ArgumentException($"'{language}' is not a language tag (lower-case letters, e.g. vi, zh, hmn).", nameof(texts));
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new ArgumentException($"The {language} text is empty.", nameof(texts));
                }

                if (_texts.Any(t => t.Key == language))
                {
                    throw new ArgumentException($"The {language} text is given twice.", nameof(texts));
                }

                _texts.Add(new KeyValuePair<string, string>(language, text.Trim()));
            }

            if (!_texts.Any(t => t.Key == Vietnamese))
            {
                throw new ArgumentException("An emergency needs its Vietnamese text (vi).", nameof(texts));
            }
        }

        /// <summary>Vietnamese, and Chinese when <paramref name="chinese"/> is given (the border gate's two languages).</summary>
        public static EmergencyTexts Of(string vietnamese, string? chinese = null)
        {
            var texts = new List<KeyValuePair<string, string>> { new(Vietnamese, vietnamese) };
            if (chinese != null)
            {
                texts.Add(new KeyValuePair<string, string>("zh", chinese));
            }

            return new EmergencyTexts(texts);
        }

        /// <summary>Every text, in the order given.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> All => _texts;

        /// <summary>
        /// The texts a board listing <paramref name="boardLanguages"/> shows, in order: Vietnamese first, then each
        /// language the board lists that has a text.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> For(IReadOnlyList<string> boardLanguages)
        {
            ArgumentNullException.ThrowIfNull(boardLanguages);
            var shown = new List<KeyValuePair<string, string>> { _texts.First(t => t.Key == Vietnamese) };
            foreach (string language in boardLanguages)
            {
                if (language != Vietnamese && _texts.FirstOrDefault(t => t.Key == language) is { Key: not null } text)
                {
                    shown.Add(text);
                }
            }

            return shown;
        }

        /// <summary>"vi: KHẨN CẤP | zh: 紧急" (for the audit log and status).</summary>
        public override string ToString() => string.Join(" | ", _texts.Select(t => $"{t.Key}: {t.Value}"));
    }
}
