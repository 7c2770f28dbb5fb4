using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Tickets.Intake;

namespace IspPortal.Tests.Platform;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("Jl. A\0", false)]
    [InlineData("bel\u0007", false)]
    [InlineData("emoji 😀 pair", true)]
    [InlineData("Jl. Ahmad Yani No. 12", true)]
    public void Single_line_text_refuses_control_characters_and_unpaired_surrogates(string text, bool acceptable) =>
        Assert.Equal(acceptable, SafeText.IsAcceptable(text, multiLine: false));

    // Not theory data: the test runner's serialization turns an unpaired surrogate into U+FFFD.
    [Fact]
    public void Unpaired_surrogates_are_refused_even_in_multi_line_text()
    {
        Assert.False(SafeText.IsAcceptable("lone \ud800 high", multiLine: true));
        Assert.False(SafeText.IsAcceptable("lone \udc00 low", multiLine: true));
        Assert.False(SafeText.IsAcceptable("ends high \ud800", multiLine: true));
        Assert.True(SafeText.IsAcceptable("pair \ud83d\ude00", multiLine: true));
    }

    [Fact]
    public void Tab_and_line_breaks_are_allowed_only_in_multi_line_fields()
    {
        const string lines = "baris satu\r\nbaris dua\tdengan tab";

        Assert.True(SafeText.IsAcceptableFor("description", lines));
        Assert.True(SafeText.IsAcceptableFor("items[0].Notes", lines));
        Assert.False(SafeText.IsAcceptableFor("subject", lines));
        Assert.False(SafeText.IsAcceptableFor("description", "a\0b"));
    }

    [Fact]
    public void Cleaning_removes_control_characters_and_unpaired_surrogates_and_keeps_the_rest()
    {
        Assert.Equal("Halo\nInternet mati 😀 ya", SafeText.Clean("Ha\0lo\n\u0001Internet mati 😀\ud800 ya\udc00"));
        Assert.Equal("tab\tstays", SafeText.Clean("tab\tstays"));
    }

    [Fact]
    public void Webhook_text_with_a_lone_surrogate_escape_is_cleaned_instead_of_throwing()
    {
        var message = JsonSerializer.Deserialize<JsonElement>("""{"body":"Internet \ud800mati\u0000 sejak pagi \ud83d\ude00"}""");

        Assert.Equal("Internet mati sejak pagi 😀", JsonText.Cleaned(message.GetProperty("body")));
    }

    [Fact]
    public void Inbound_email_is_cleaned_not_refused()
    {
        var email = new InboundEmail("id\0@x", ["ref\u0001@x"], "siti@example.com\0", "Siti\u0007", "Internet\0 mati", "Sejak pagi\0\r\nmati\ud800 total", false,
            [new InboundEmailAttachment("foto\0.jpg", "image/jpeg", [1])]);

        var cleaned = email.Cleaned();

        Assert.Equal("id@x", cleaned.MessageId);
        Assert.Equal(["ref@x"], cleaned.ThreadIds);
        Assert.Equal("siti@example.com", cleaned.FromAddress);
        Assert.Equal("Siti", cleaned.FromName);
        Assert.Equal("Internet mati", cleaned.Subject);
        Assert.Equal("Sejak pagi\r\nmati total", cleaned.Text);
        Assert.Equal("foto.jpg", cleaned.Attachments[0].FileName);
    }
}
