using IspPortal.Core.Network.RouterOs;
using IspPortal.Infrastructure.Network.RouterOs;

namespace IspPortal.Tests.Network.RouterOs;

/// <summary>Word and sentence framing against ROUTEROS.md §1 and the test vectors of §10.</summary>
public sealed class RouterOsFramingTests
{
    public static TheoryData<uint, string> LengthVectors => new()
    {
        { 0, "00" },
        { 1, "01" },
        { 0x7F, "7f" },
        { 0x80, "8080" },
        { 0xFF, "80ff" },
        { 0x100, "8100" },
        { 0x3FFF, "bfff" },
        { 0x4000, "c04000" },
        { 0x1FFFFF, "dfffff" },
        { 0x200000, "e0200000" },
        { 0xFFFFFFF, "efffffff" },
        { 0x10000000, "f010000000" },
        { 0xFFFFFFFF, "f0ffffffff" },
    };

    [Theory]
    [MemberData(nameof(LengthVectors))]
    public void Length_prefix_uses_the_minimal_form_and_decodes_back(uint length, string hex)
    {
        var prefix = new byte[ApiWordLength.MaxPrefixSize];
        var size = ApiWordLength.Encode(length, prefix);

        Assert.Equal(hex, Convert.ToHexStringLower(prefix.AsSpan(0, size)));
        Assert.Equal(size, ApiWordLength.PrefixSizeFromFirstByte(prefix[0]));
        Assert.Equal(length, ApiWordLength.Decode(prefix.AsSpan(0, size)));
    }

    [Fact]
    public void A_non_minimal_prefix_is_accepted_because_the_first_byte_decides()
    {
        Assert.Equal(5u, ApiWordLength.Decode([0x80, 0x05]));
        Assert.Equal(5u, ApiWordLength.Decode([0xF0, 0, 0, 0, 5]));
    }

    [Theory]
    [InlineData(0xF1)]
    [InlineData(0xF7)]
    [InlineData(0xF8)]
    [InlineData(0xFF)]
    public void Control_and_unsupported_prefix_bytes_are_protocol_errors(byte first)
    {
        var error = Assert.Throws<RouterOsException>(() => ApiWordLength.PrefixSizeFromFirstByte(first));
        Assert.Equal(RouterOsErrorCategory.Protocol, error.Category);
    }

    [Fact]
    public void Login_sentence_matches_vector_E1() =>
        Assert.Equal(
            "062f6c6f67696e0b3d6e616d653d61646d696e0a3d70617373776f72643d00",
            Convert.ToHexStringLower(ApiSentence.Of("/login", "=name=admin", "=password=").ToBytes()));

    [Fact]
    public async Task Reply_vector_E2_reads_as_a_tagged_row()
    {
        var bytes = Convert.FromHexString("0321726508" + "3d2e69643d2a3141" + "0d3d6e616d653d63757374303031" + "062e7461673d37" + "00");
        var sentence = await new ApiSentenceReader(new MemoryStream(bytes)).ReadAsync();

        Assert.NotNull(sentence);
        Assert.Equal("!re", sentence.Type);
        Assert.Equal("*1A", sentence[".id"]);
        Assert.Equal("cust001", sentence["name"]);
        Assert.Equal("7", sentence.Tag);
    }

    [Fact]
    public void Word_length_counts_utf8_bytes_not_characters_vector_E3()
    {
        var bytes = ApiSentence.Of("=comment=Bü").ToBytes();

        Assert.Equal("0c3d636f6d6d656e743d42c3bc00", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public async Task Empty_reply_vector_E4_round_trips()
    {
        var bytes = Convert.FromHexString("0621656d707479062e7461673d3700");
        var sentence = await new ApiSentenceReader(new MemoryStream(bytes)).ReadAsync();

        Assert.NotNull(sentence);
        Assert.Equal(["!empty", ".tag=7"], sentence.Words);
        Assert.Equal(bytes, sentence.ToBytes());
    }

    [Theory]
    [InlineData(0x7F)]
    [InlineData(0x80)]
    [InlineData(0x3FFF)]
    [InlineData(0x4000)]
    [InlineData(0x1FFFFF)]
    [InlineData(0x200000)]
    public async Task Words_at_every_length_boundary_round_trip_through_a_stream_read_byte_by_byte(int length)
    {
        var word = "=comment=" + new string('x', length - 9);
        var stream = new TrickleStream(ApiSentence.Of("!re", word, ".tag=3").ToBytes());

        var sentence = await new ApiSentenceReader(stream).ReadAsync();

        Assert.NotNull(sentence);
        Assert.Equal(length, sentence.Words[1].Length);
        Assert.Equal(word, sentence.Words[1]);
        Assert.Equal("3", sentence.Tag);
    }

    [Fact]
    public async Task Stray_empty_words_between_sentences_are_skipped_and_a_clean_end_returns_null()
    {
        var bytes = new byte[] { 0, 0 }.Concat(ApiSentence.Of("!done").ToBytes()).ToArray();
        var reader = new ApiSentenceReader(new MemoryStream(bytes));

        Assert.Equal("!done", (await reader.ReadAsync())?.Type);
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_stream_ending_inside_a_sentence_is_an_error()
    {
        var bytes = ApiSentence.Of("!re", "=name=cust001").ToBytes()[..^3];

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await new ApiSentenceReader(new MemoryStream(bytes)).ReadAsync());
    }

    [Fact]
    public async Task A_word_over_the_size_limit_is_refused_before_it_is_read()
    {
        var bytes = new byte[] { 0xE0, 0x20, 0x00, 0x00 };

        var error = await Assert.ThrowsAsync<RouterOsException>(async () => await new ApiSentenceReader(new MemoryStream(bytes), maxWordBytes: 1024).ReadAsync());
        Assert.Equal(RouterOsErrorCategory.Protocol, error.Category);
    }

    [Fact]
    public async Task Words_that_are_not_utf8_survive_as_latin1()
    {
        byte[] bytes = [0x03, (byte)'!', (byte)'r', (byte)'e', 0x0B, .. "=comment="u8, 0xC4, 0xE8, 0x00];

        var sentence = await new ApiSentenceReader(new MemoryStream(bytes)).ReadAsync();

        Assert.Equal("\u00C4\u00E8", sentence?["comment"]);
    }

    [Fact]
    public void Attribute_values_keep_every_equals_sign_after_the_second()
    {
        var sentence = ApiSentence.Of("!re", "=name=iu=c3Eeg", "=comment=", "=.id=*1");

        Assert.Equal("iu=c3Eeg", sentence["name"]);
        Assert.Equal("", sentence["comment"]);
        Assert.Equal("*1", sentence[".id"]);
        Assert.Null(sentence["nam"]);
    }

    [Theory]
    [InlineData("93b438ec9b80057c06dd9fe67d56aa9a", "", "00e134102a9d330dd7b1849fedfea3cb57")]
    [InlineData("856780b7411eefd3abadee2058c149a3", "", "005062f7a5ef124d34675bf3e81f56c556")]
    [InlineData("ebddd18303a54111e2dea05a92ab46b4", "", "001ea726ed53ae38520c8334f82d44c9f2")]
    [InlineData("aabbccddeeff00112233445566778899", "secret", "00a8bfd49490a32a90532cbac11691aae2")]
    [InlineData("aabbccddeeff00112233445566778899", "rahasia123", "00773b0c4f66ad4353b3a8b753ee3173fe")]
    public void Legacy_login_response_matches_the_published_vectors(string challenge, string password, string response) =>
        Assert.Equal(response, LegacyLogin.Response(password, challenge));

    [Theory]
    [InlineData("invalid user name or password (6)", RouterOsErrorCategory.WrongCredentials)]
    [InlineData("cannot log in", RouterOsErrorCategory.WrongCredentials)]
    [InlineData("failure: secret with the same name already exists", RouterOsErrorCategory.AlreadyExists)]
    [InlineData("failure: already have such entry", RouterOsErrorCategory.AlreadyExists)]
    [InlineData("no such item", RouterOsErrorCategory.NotFound)]
    [InlineData("no such item (4)", RouterOsErrorCategory.NotFound)]
    [InlineData("invalid internal item number", RouterOsErrorCategory.NotFound)]
    [InlineData("no such command", RouterOsErrorCategory.UnknownCommand)]
    [InlineData("unknown parameter foo", RouterOsErrorCategory.InvalidArgument)]
    [InlineData("input does not match any value of profile", RouterOsErrorCategory.InvalidArgument)]
    [InlineData("not enough permissions (9)", RouterOsErrorCategory.PermissionDenied)]
    [InlineData("something new", RouterOsErrorCategory.Other)]
    public void Trap_messages_are_classified_by_substring(string message, RouterOsErrorCategory category) =>
        Assert.Equal(category, RouterOsException.Classify(message));

    [Theory]
    [InlineData("1w2d3h4m5s", 788645)]
    [InlineData("45m12s", 2712)]
    [InlineData("0s", 0)]
    [InlineData("00:00:10", 10)]
    [InlineData("1h5", 3605)]
    [InlineData("5x", -1)]
    public void Durations_parse_in_both_router_forms(string text, int seconds)
    {
        var parsed = RouterOsDuration.TryParse(text, out var duration);

        Assert.Equal(seconds >= 0, parsed);
        if (parsed)
            Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void Durations_format_like_the_router() =>
        Assert.Equal("1w2d3h4m5s", RouterOsDuration.Format(TimeSpan.FromSeconds(788645)));

    [Fact]
    public async Task Each_sentence_leaves_in_one_write_even_with_a_large_word_and_the_tag()
    {
        var recording = new RecordingStream();
        var writer = new ApiSentenceWriter(recording);
        string[] words = ["/ppp/secret/set", "=.id=*1A", "=comment=" + new string('k', 0x4000)];

        await writer.WriteAsync(words, ".tag=7");
        await writer.WriteAsync(["/ppp/active/print"]);

        Assert.Equal(2, recording.Writes.Count);
        Assert.Equal(new ApiSentence([.. words, ".tag=7"]).ToBytes(), recording.Writes[0]);
        Assert.Equal(ApiSentence.Of("/ppp/active/print").ToBytes(), recording.Writes[1]);
    }

    /// <summary>Keeps every write it is given, to show how a sentence reaches the socket.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.ToArray());
            return ValueTask.CompletedTask;
        }

        public override void Write(byte[] buffer, int offset, int count) => Writes.Add(buffer[offset..(offset + count)]);
    }

    /// <summary>Hands out one byte per read, like a slow link, to prove the reader loops until a word is whole.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
