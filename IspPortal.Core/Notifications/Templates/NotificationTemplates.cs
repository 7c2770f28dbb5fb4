using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications.Templates;

/// <summary>The text of one event on one channel as an admin edits it: the saved row, or the default.</summary>
public sealed record TemplateDraft(
    string EventKey, NotificationChannel Channel, string Body, string? Subject, string? WhatsAppTemplateName, string WhatsAppLanguage, bool IsActive,
    bool IsCustomized = false, DateTimeOffset? UpdatedAt = null);

/// <summary>The message a draft makes, filled with example values, and what an approved WhatsApp template receives.</summary>
/// <param name="Parameters">The WhatsApp template's {{1}}, {{2}}… and the placeholder each one carries.</param>
public sealed record TemplatePreview(string Body, string? Subject, IReadOnlyList<(int Number, string Placeholder, string Example)> Parameters, IReadOnlyList<string> Problems);

/// <summary>
/// Admin-editable texts per event and channel (Settings → Templat notifikasi). Without a saved row
/// an event uses its Indonesian default; saving checks every placeholder against the event's list,
/// so a typo never reaches a customer as a literal "{nmaa}".
/// </summary>
public sealed partial class NotificationTemplates(IIspDbFactory dbs, SaveGuard guard, PortalSettings settings, TimeProvider clock)
{
    public const string UniqueIndex = "ux_notification_templates_event_channel";

    /// <summary>Every event on both channels, saved or default.</summary>
    public async Task<IReadOnlyList<TemplateDraft>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var saved = await db.NotificationTemplates.AsNoTracking().ToDictionaryAsync(t => (t.EventKey, t.Channel), cancellationToken);
        return
        [
            .. from notification in NotificationEvents.All
               where notification != NotificationEvents.FreeText
               from channel in (NotificationChannel[])[NotificationChannel.WhatsApp, NotificationChannel.Email]
               select saved.TryGetValue((notification.Key, channel), out var row) ? Draft(row) : Default(notification, channel),
        ];
    }

    public static TemplateDraft Default(NotificationEvent notification, NotificationChannel channel) =>
        new(notification.Key, channel, notification.DefaultBody, channel == NotificationChannel.Email ? notification.DefaultSubject : null, null, "id", true);

    /// <summary>The draft filled with the event's example values (the company name is the real one).</summary>
    public async Task<TemplatePreview> PreviewAsync(TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        var notification = NotificationEvents.Find(draft.EventKey) ?? throw new ArgumentException($"Unknown event {draft.EventKey}.", nameof(draft));
        var values = new Dictionary<string, string>(NotificationEvents.Examples)
        {
            [NotificationEvents.CompanyName] = (await settings.GetAsync<CompanyProfile>(cancellationToken)).Name,
        };
        var problems = Problems(draft, notification).ToDictionary().Values.SelectMany(p => p).ToList();
        var parameters = TemplateText.Placeholders(draft.Body)
            .Select((placeholder, index) => (index + 1, placeholder, values.GetValueOrDefault(placeholder, ""))).ToList();
        return new TemplatePreview(
            TemplateText.Fill(draft.Body, values),
            draft.Channel == NotificationChannel.Email && draft.Subject is { } subject ? TemplateText.Fill(subject, values) : null,
            parameters, problems);
    }

    public async Task<Outcome<TemplateDraft>> SaveAsync(TemplateDraft draft, CancellationToken cancellationToken = default)
    {
        var notification = NotificationEvents.Find(draft.EventKey);
        if (notification is null || notification == NotificationEvents.FreeText)
            return Outcome.Refused<TemplateDraft>(nameof(draft.EventKey), "Jenis notifikasi tidak dikenal.");
        var errors = Problems(draft, notification);
        if (errors.Any)
            return Outcome.Refused<TemplateDraft>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var template = await db.NotificationTemplates.SingleOrDefaultAsync(t => t.EventKey == draft.EventKey && t.Channel == draft.Channel, cancellationToken);
        if (template is null)
        {
            template = new NotificationTemplate(draft.EventKey, draft.Channel, clock.GetUtcNow());
            db.NotificationTemplates.Add(template);
        }
        template.Body = draft.Body.Trim();
        template.Subject = draft.Channel == NotificationChannel.Email ? draft.Subject?.Trim() : null;
        template.WhatsAppTemplateName = draft.Channel == NotificationChannel.WhatsApp && !string.IsNullOrWhiteSpace(draft.WhatsAppTemplateName) ? draft.WhatsAppTemplateName.Trim() : null;
        template.WhatsAppLanguage = string.IsNullOrWhiteSpace(draft.WhatsAppLanguage) ? "id" : draft.WhatsAppLanguage.Trim();
        template.IsActive = draft.IsActive;
        template.UpdatedAt = clock.GetUtcNow();
        var saved = await guard.SaveAsync(db, template, new Dictionary<string, (string, string)>
        {
            [UniqueIndex] = ("", "Templat ini baru saja disimpan pengguna lain; muat ulang halaman."),
        }, cancellationToken: cancellationToken);
        return saved.Map(Draft);
    }

    /// <summary>Deletes the saved text: the event goes back to its default.</summary>
    public async Task<TemplateDraft> ResetAsync(string eventKey, NotificationChannel channel, CancellationToken cancellationToken = default)
    {
        var notification = NotificationEvents.Find(eventKey) ?? throw new ArgumentException($"Unknown event {eventKey}.", nameof(eventKey));
        await using var db = await dbs.CreateAsync(cancellationToken);
        var template = await db.NotificationTemplates.SingleOrDefaultAsync(t => t.EventKey == eventKey && t.Channel == channel, cancellationToken);
        if (template is not null)
        {
            db.NotificationTemplates.Remove(template);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Default(notification, channel);
    }

    private static FieldErrors Problems(TemplateDraft draft, NotificationEvent notification)
    {
        var errors = new FieldErrors();
        foreach (var problem in TemplateText.Check(draft.Body, notification, NotificationTemplate.BodyMaxLength))
            errors.Add(nameof(draft.Body), problem);
        if (draft.Channel == NotificationChannel.Email)
        {
            foreach (var problem in TemplateText.Check(draft.Subject, notification, NotificationTemplate.SubjectMaxLength, "Subjek"))
                errors.Add(nameof(draft.Subject), problem);
        }
        if (draft.Channel == NotificationChannel.WhatsApp)
        {
            errors.When(!string.IsNullOrWhiteSpace(draft.WhatsAppTemplateName) && !MetaTemplateName().IsMatch(draft.WhatsAppTemplateName.Trim()),
                    nameof(draft.WhatsAppTemplateName), "Nama templat WhatsApp seperti di Meta: huruf kecil, angka dan '_' (maks. 512).")
                .When(!string.IsNullOrWhiteSpace(draft.WhatsAppLanguage) && !LanguageCode().IsMatch(draft.WhatsAppLanguage.Trim()),
                    nameof(draft.WhatsAppLanguage), "Kode bahasa seperti di Meta, misalnya id atau en_US.");
        }
        return errors;
    }

    private static TemplateDraft Draft(NotificationTemplate row) =>
        new(row.EventKey, row.Channel, row.Body, row.Subject, row.WhatsAppTemplateName, row.WhatsAppLanguage, row.IsActive, true, row.UpdatedAt);

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex MetaTemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageCode();
}
