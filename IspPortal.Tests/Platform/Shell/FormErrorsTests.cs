using Bunit;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Components;
using MudBlazor;

namespace IspPortal.Tests.Platform.Shell;

public class FormErrorsTests : PortalComponentTest
{
    [Fact]
    public void A_refused_field_shows_its_message_under_the_text_field()
    {
        var errors = new FormErrors();
        errors.Show(Outcome.Refused<int>(new FieldErrors()
            .Add("Code", "Kode lokasi KCB sudah dipakai.")
            .Add("", "Periksa isian Anda.")));

        var field = Render<MudTextField<string>>(p => p
            .Add(f => f.Label, "Kode")
            .Add(f => f.Error, errors.Has("Code"))
            .Add(f => f.ErrorText, errors.For("Code")));

        Assert.Contains("Kode lokasi KCB sudah dipakai.", field.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(field.FindAll(".mud-input-error"));
        Assert.Equal("Periksa isian Anda.", errors.General);
        Assert.False(errors.Has("Name"));
    }

    [Fact]
    public void Clearing_removes_every_message()
    {
        var errors = new FormErrors();
        errors.Show(Outcome.Refused<int>("Code", "Kode lokasi harus 2–5 huruf, misalnya KCB."));

        errors.Clear();

        Assert.False(errors.Any);
        Assert.Null(errors.For("Code"));
    }
}
