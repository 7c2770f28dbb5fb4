using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;

namespace IspPortal.Tests.Platform.Settings;

public sealed class SettingsRulesTests
{
    [Theory]
    [InlineData("-7, -3, -1, 3, 7", new[] { -7, -3, -1, 3, 7 })]
    [InlineData("H-7, H-3, H+3", new[] { -7, -3, 3 })]
    [InlineData("3;-1", new[] { -1, 3 })]
    public void Reminder_days_are_read_as_staff_write_them(string text, int[] expected)
    {
        var parsed = ReminderOffsetsText.Parse(text);

        Assert.True(parsed.Succeeded);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public void Unreadable_reminder_day_is_refused_naming_the_part()
    {
        var parsed = ReminderOffsetsText.Parse("-7, besok");

        Assert.False(parsed.Succeeded);
        Assert.Contains("'besok'", parsed.Errors[nameof(BillingSettings.ReminderOffsets)][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_days_round_trip_through_text()
    {
        IReadOnlyList<int> offsets = [-7, -3, -1, 3, 7];

        Assert.Equal(offsets, ReminderOffsetsText.Parse(ReminderOffsetsText.Format(offsets)).Value);
    }

    [Fact]
    public void Default_billing_settings_bill_on_the_1st_due_the_10th_and_isolate_10_days_late()
    {
        var defaults = new BillingSettings();

        Assert.Equal(1, defaults.BillingDay);
        Assert.Equal(10, defaults.DueDay);
        Assert.Equal([-7, -3, -1, 3, 7], defaults.ReminderOffsets);
        Assert.Equal(10, defaults.IsolirAfterDays);
        Assert.False(defaults.PpnEnabled);
        Assert.False(defaults.Validate().Any);
    }

    [Theory]
    [InlineData(29, 10, 10, "BillingDay")]
    [InlineData(1, 0, 10, "DueDay")]
    [InlineData(1, 10, 0, "IsolirAfterDays")]
    public void Impossible_billing_days_are_refused_on_their_field(int billingDay, int dueDay, int isolir, string field)
    {
        var errors = new BillingSettings { BillingDay = billingDay, DueDay = dueDay, IsolirAfterDays = isolir }.Validate();

        Assert.True(errors.ToDictionary().ContainsKey(field));
    }

    [Fact]
    public void Reminder_on_or_after_the_isolir_day_is_refused()
    {
        var errors = new BillingSettings { IsolirAfterDays = 7, ReminderOffsets = [-3, 7] }.Validate().ToDictionary();

        Assert.True(errors.ContainsKey(nameof(BillingSettings.ReminderOffsets)));
    }

    [Fact]
    public void An_invoice_number_format_without_a_running_number_is_refused_on_its_field()
    {
        var errors = new BillingSettings { InvoiceNumberFormat = "INV/{yyyy}/{MM}" }.Validate().ToDictionary();

        Assert.Contains("tepat satu kali", errors[nameof(BillingSettings.InvoiceNumberFormat)].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB:CD", false)]
    [InlineData("not hex", false)]
    [InlineData("", true)]
    [InlineData("3A:5F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD", true)]
    public void The_smtp_certificate_pin_must_be_a_sha256_fingerprint_or_empty(string fingerprint, bool valid) =>
        Assert.Equal(!valid, new NotificationSettings { SmtpCertificateFingerprint = fingerprint }.Validate().ToDictionary()
            .ContainsKey(nameof(NotificationSettings.SmtpCertificateFingerprint)));

    [Fact]
    public void Only_indonesian_time_zones_are_accepted()
    {
        Assert.False(new RegionalSettings { TimeZone = "Asia/Makassar" }.Validate().Any);
        Assert.True(new RegionalSettings { TimeZone = "Europe/London" }.Validate().Any);
    }

    [Theory]
    [InlineData(150000, "Rp 150.000")]
    [InlineData(1250000, "Rp 1.250.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(-25000, "-Rp 25.000")]
    [InlineData(1500.5, "Rp 1.500,50")]
    public void Rupiah_is_written_the_indonesian_way(decimal amount, string expected) =>
        Assert.Equal(expected, Rupiah.Format(amount));
}
