using System.Buffers;
using System.Text;
using System.Text.Unicode;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>
/// Reads sentences from a stream through one reusable buffer, so a 20,000-row reply is read one
/// sentence at a time and never held whole.
/// </summary>
public sealed class ApiSentenceReader(Stream stream, int maxWordBytes = ApiSentenceReader.DefaultMaxWordBytes)
{
    public const int DefaultMaxWordBytes = 64 * 1024 * 1024;

    // RouterOS records no charset; words that are not UTF-8 (Winbox writes the PC's ANSI code page)
    // are read as Latin-1 so that every byte survives as one char.
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next sentence, or null when the stream ends cleanly between sentences.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a sentence.</exception>
    public async ValueTask<ApiSentence?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var words = new List<string>();
        while (true)
        {
            if (_end == _start && !await FillAsync(1, cancellationToken))
            {
                if (words.Count == 0)
                    return null;
                throw new EndOfStreamException("The connection closed inside a sentence.");
            }
            var prefixSize = ApiWordLength.PrefixSizeFromFirstByte(_buffer[_start]);
            await EnsureAsync(prefixSize, cancellationToken);
            var length = ApiWordLength.Decode(_buffer.AsSpan(_start, prefixSize));
            _start += prefixSize;
            if (length == 0)
            {
                // A stray empty word where a sentence should start is skipped, as RouterOS does.
                if (words.Count == 0)
                    continue;
                return new ApiSentence(words);
            }
            if (length > maxWordBytes)
                throw new RouterOsException(RouterOsErrorCategory.Protocol, $"A word of {length} bytes is over the limit of {maxWordBytes}.");
            words.Add(await ReadWordAsync((int)length, cancellationToken));
        }
    }

    private async ValueTask<string> ReadWordAsync(int length, CancellationToken cancellationToken)
    {
        if (length <= _buffer.Length)
        {
            await EnsureAsync(length, cancellationToken);
            var word = Decode(_buffer.AsSpan(_start, length));
            _start += length;
            return word;
        }
        var large = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var copied = _end - _start;
            _buffer.AsSpan(_start, copied).CopyTo(large);
            _start = _end = 0;
            while (copied < length)
            {
                var read = await stream.ReadAsync(large.AsMemory(copied, length - copied), cancellationToken);
                if (read == 0)
                    throw new EndOfStreamException("The connection closed inside a word.");
                copied += read;
            }
            return Decode(large.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(large);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? StrictUtf8.GetString(bytes) : Encoding.Latin1.GetString(bytes);

    private async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start < count && !await FillAsync(count, cancellationToken))
            throw new EndOfStreamException("The connection closed inside a word.");
    }

    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_buffer.Length - _start < count)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (_end - _start < count)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
                return false;
            _end += read;
        }
        return true;
    }
}
