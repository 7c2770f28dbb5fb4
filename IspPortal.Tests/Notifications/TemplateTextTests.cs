using IspPortal.Core.Notifications.Templates;

namespace IspPortal.Tests.Notifications;

public sealed class TemplateTextTests
{
    [Fact]
    public void Every_default_text_uses_only_its_own_placeholders()
    {
        Assert.All(NotificationEvents.All, e => Assert.Empty(TemplateText.Check(e.DefaultBody, e, NotificationTemplate.BodyMaxLength)));
        Assert.All(NotificationEvents.All, e => Assert.Empty(TemplateText.Check(e.DefaultSubject, e, NotificationTemplate.SubjectMaxLength)));
    }

    [Theory]
    [InlineData("Halo {nama}, tagihan {nomor_tagihan} {total}", null)]
    [InlineData("Halo {nama}, {password_pppoe}", "Placeholder {password_pppoe} tidak dikenal")]
    [InlineData("Halo {nama", "Kurung kurawal tidak seimbang")]
    [InlineData("Halo nama}", "Kurung kurawal tidak seimbang")]
    [InlineData("Halo {{nama}}", "Kurung kurawal tidak seimbang")]
    [InlineData("   ", "wajib diisi")]
    public void An_edited_text_is_checked_against_the_events_placeholders(string text, string? problem)
    {
        var problems = TemplateText.Check(text, NotificationEvents.InvoiceIssued, NotificationTemplate.BodyMaxLength);

        if (problem is null)
            Assert.Empty(problems);
        else
            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void The_unknown_placeholder_message_lists_what_is_available()
    {
        var problem = Assert.Single(TemplateText.Check("{nama} {tagihan}", NotificationEvents.Reactivation, 4096));

        Assert.Contains("Yang tersedia: {nama}, {kode_pelanggan}, {nama_isp}.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Filling_replaces_known_placeholders_blanks_missing_ones_and_keeps_order_for_whatsapp_templates()
    {
        const string text = "Halo {nama}, {total} jatuh tempo {jatuh_tempo}. {nama}";

        Assert.Equal("Halo Budi, Rp 150.000 jatuh tempo . Budi", TemplateText.Fill(text, new Dictionary<string, string> { ["nama"] = "Budi", ["total"] = "Rp 150.000" }));
        Assert.Equal(["nama", "total", "jatuh_tempo", "nama"], TemplateText.Placeholders(text));
    }
}
