using System.ComponentModel.DataAnnotations;
using IspPortal.Core.Common;

namespace IspPortal.Web.Shell.Components;

/// <summary>
/// The <see cref="SafeText"/> rule for a form model's text property (static forms validated with
/// <c>DataAnnotationsValidator</c>, such as the sign-in form): the field's error, in Indonesian.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SafeTextAttribute(bool multiLine = false) : ValidationAttribute(SafeText.RefusedMessage)
{
    public bool MultiLine { get; } = multiLine;

    public override bool IsValid(object? value) => value is not string text || SafeText.IsAcceptable(text, MultiLine);
}
