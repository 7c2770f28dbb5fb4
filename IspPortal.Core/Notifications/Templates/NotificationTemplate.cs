namespace IspPortal.Core.Notifications.Templates;

/// <summary>
/// An admin's text for one event on one channel (table <c>notification_templates</c>, unique per
/// event and channel); without a row the event's Indonesian default is used.
/// </summary>
public class NotificationTemplate
{
    public const int BodyMaxLength = 4096;
    public const int SubjectMaxLength = 200;
    public const int WhatsAppNameMaxLength = 512;
    public const int LanguageMaxLength = 16;

    private NotificationTemplate() { }

    public NotificationTemplate(string eventKey, NotificationChannel channel, DateTimeOffset at)
    {
        EventKey = eventKey;
        Channel = channel;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    public string EventKey { get; private set; } = "";

    public NotificationChannel Channel { get; private set; }

    public string Body { get; set; } = "";

    /// <summary>E-mail only.</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// The approved template's name at Meta (Cloud API): business-initiated messages go out as that
    /// template with this body's placeholders as its parameters, in order. Null: sent as free text
    /// (only inside the 24-hour window, or through an HTTP gateway).
    /// </summary>
    public string? WhatsAppTemplateName { get; set; }

    public string WhatsAppLanguage { get; set; } = "id";

    /// <summary>False: this event is not sent on this channel at all (messages are cancelled and logged as such).</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}
