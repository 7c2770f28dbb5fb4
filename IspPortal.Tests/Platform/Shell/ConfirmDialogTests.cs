using Bunit;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IspPortal.Tests.Platform.Shell;

public class ConfirmDialogTests : PortalComponentTest
{
    private async Task<bool> AnswerAsync(string button)
    {
        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<bool>? answer = null;
        // A statement lambda: InvokeAsync must not wait for the answer, which only the click gives.
        await host.InvokeAsync(() => { answer = dialogs.ConfirmAsync("Hapus lokasi?", "Kode lokasi KCB akan dihapus.", "Hapus"); });

        host.WaitForElement("[data-testid=confirm-dialog]");
        Assert.Contains("Kode lokasi KCB akan dihapus.", host.Markup, StringComparison.Ordinal);
        host.Find($"[data-testid={button}]").Click();
        return await answer!.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ok_answers_true() => Assert.True(await AnswerAsync("confirm-ok"));

    [Fact]
    public async Task Cancel_answers_false() => Assert.False(await AnswerAsync("confirm-cancel"));
}
