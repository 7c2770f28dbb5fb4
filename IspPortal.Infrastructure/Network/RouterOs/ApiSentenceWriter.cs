using System.Buffers;
using System.Text;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>
/// Writes each sentence to the stream in one write from a buffer it reuses, so with TCP_NODELAY a
/// command leaves as one segment and words of two sentences can never interleave (ROUTEROS.md §1.2).
/// Not thread-safe: the connection calls it under its write lock.
/// </summary>
public sealed class ApiSentenceWriter(Stream stream)
{
    private ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>The words, then <paramref name="lastWord"/> when given (the connection's <c>.tag=</c>), as one sentence in one write.</summary>
    public async ValueTask WriteAsync(IReadOnlyList<string> words, string? lastWord = null)
    {
        _buffer.ResetWrittenCount();
        for (var i = 0; i < words.Count; i++)
            Append(words[i]);
        if (lastWord is not null)
            Append(lastWord);
        _buffer.GetSpan(1)[0] = 0;
        _buffer.Advance(1);
        // Never cancelled half-way: a partly written sentence would corrupt the stream for every command.
        await stream.WriteAsync(_buffer.WrittenMemory, CancellationToken.None);
        await stream.FlushAsync(CancellationToken.None);
        // A 20 MB word must not stay pinned for the life of the connection.
        if (_buffer.Capacity > 64 * 1024)
            _buffer = new ArrayBufferWriter<byte>(512);
    }

    private void Append(string word)
    {
        var length = Encoding.UTF8.GetByteCount(word);
        var span = _buffer.GetSpan(ApiWordLength.MaxPrefixSize + length);
        var prefix = ApiWordLength.Encode((uint)length, span);
        Encoding.UTF8.GetBytes(word, span[prefix..]);
        _buffer.Advance(prefix + length);
    }
}
