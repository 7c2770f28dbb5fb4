namespace IspPortal.Web.Localization;

/// <summary>
/// Marker for the portal's UI strings. Keys are the Indonesian text itself (the default language),
/// so an untranslated key still reads correctly; <c>Resources/Localization/SharedStrings.en.resx</c>
/// holds the English.
/// </summary>
public sealed class SharedStrings;
