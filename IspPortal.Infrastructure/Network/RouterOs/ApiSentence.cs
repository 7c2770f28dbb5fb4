using System.Buffers;
using System.Text;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>One API sentence: a command or reply word followed by attribute, API attribute and query words.</summary>
public sealed class ApiSentence
{
    public ApiSentence(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            throw new ArgumentException("A sentence has at least one word.", nameof(words));
        Words = words;
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>The command (<c>/ppp/secret/print</c>) or reply word (<c>!re</c>, <c>!done</c>, …).</summary>
    public string Type => Words[0];

    public string? Tag
    {
        get
        {
            for (var i = 1; i < Words.Count; i++)
            {
                if (Words[i].StartsWith(".tag=", StringComparison.Ordinal))
                    return Words[i][5..];
            }
            return null;
        }
    }

    /// <summary>The value of <c>=name=value</c>; the value is everything after the second '=' and may contain '='.</summary>
    public string? this[string name]
    {
        get
        {
            for (var i = 1; i < Words.Count; i++)
            {
                var word = Words[i];
                if (word.Length > name.Length + 1 && word[0] == '=' && word[name.Length + 1] == '='
                    && string.CompareOrdinal(word, 1, name, 0, name.Length) == 0)
                {
                    return word[(name.Length + 2)..];
                }
            }
            return null;
        }
    }

    /// <summary>Every <c>=name=value</c> word in order; duplicate names are kept (ROUTEROS.md §1.3).</summary>
    public IEnumerable<KeyValuePair<string, string>> Attributes
    {
        get
        {
            for (var i = 1; i < Words.Count; i++)
            {
                var word = Words[i];
                if (word.Length < 2 || word[0] != '=')
                    continue;
                var split = word.IndexOf('=', 1);
                yield return split < 0
                    ? new(word[1..], "")
                    : new(word[1..split], word[(split + 1)..]);
            }
        }
    }

    public static ApiSentence Of(params string[] words) => new(words);

    /// <summary>Appends the sentence's bytes (UTF-8 words, each with its length prefix, then the empty word).</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        foreach (var word in Words)
        {
            var length = Encoding.UTF8.GetByteCount(word);
            var span = output.GetSpan(ApiWordLength.MaxPrefixSize + length);
            var prefix = ApiWordLength.Encode((uint)length, span);
            Encoding.UTF8.GetBytes(word, span[prefix..]);
            output.Advance(prefix + length);
        }
        output.GetSpan(1)[0] = 0;
        output.Advance(1);
    }

    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString() => string.Join(' ', Words.Select(w => w.StartsWith("=password=", StringComparison.Ordinal) ? "=password=***" : w));
}
