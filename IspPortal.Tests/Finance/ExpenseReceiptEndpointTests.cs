using System.Net;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary><c>GET /finance/expenses/{id}/receipt</c> with a signed-in cookie: the submitter and Finance get the file as a download, another staff member and a missing receipt get 404.</summary>
public sealed class ExpenseReceiptEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task The_submitter_and_finance_download_it_another_staff_member_gets_404()
    {
        var owner = await portal.EnsureUserAsync(Roles.Staff, "receipt-owner");
        var stranger = await portal.EnsureUserAsync(Roles.Staff, "receipt-stranger");
        var finance = await portal.EnsureUserAsync(Roles.Finance);
        var id = await SubmitAsync(owner, withReceipt: true);
        var path = new Uri($"finance/expenses/{id}/receipt", UriKind.Relative);

        using var ownerClient = await portal.SignInAsync(owner);
        using var strangerClient = await portal.SignInAsync(stranger);
        using var financeClient = await portal.SignInAsync(finance);
        using var byOwner = await ownerClient.GetAsync(path);
        using var byStranger = await strangerClient.GetAsync(path);
        using var byFinance = await financeClient.GetAsync(path);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK), (byOwner.StatusCode, byStranger.StatusCode, byFinance.StatusCode));
        Assert.Equal("application/pdf", byOwner.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", byOwner.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^EXP-\d{4}-\d{2}-\d{4}\.pdf$", byOwner.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Pdf, await byFinance.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_a_receipt_or_an_expense_it_is_404_and_without_sign_in_no_file()
    {
        var owner = await portal.EnsureUserAsync(Roles.Staff, "receipt-none");
        var finance = await portal.EnsureUserAsync(Roles.Finance);
        var id = await SubmitAsync(owner, withReceipt: false);
        using var client = await portal.SignInAsync(finance);

        using var none = await client.GetAsync(new Uri($"finance/expenses/{id}/receipt", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("finance/expenses/999999/receipt", UriKind.Relative));
        using var anonymous = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress }
            .GetAsync(new Uri($"finance/expenses/{id}/receipt", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (none.StatusCode, missing.StatusCode));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    /// <summary>The user submits an expense through the use case, as the page does.</summary>
    private async Task<int> SubmitAsync(string userName, bool withReceipt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        string? receipt = null;
        if (withReceipt)
        {
            var saved = await scope.ServiceProvider.GetRequiredService<IExpenseReceiptStore>().SaveAsync(new MemoryStream(Pdf));
            Assert.True(saved.Succeeded, saved.FirstError);
            receipt = saved.Value;
        }
        var today = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Common.IspClock>().TodayAsync();
        var record = ActivatorUtilities.CreateInstance<RecordExpense>(scope.ServiceProvider, new FixedUser(Actor.For(user!.Id, userName, [Roles.Staff])));
        var outcome = await record.ExecuteAsync(new ExpenseInput(today, "transportasi", 50_000m, "Parkir", MoneyAccounts.Cash, Guid.NewGuid().ToString(), ReceiptName: receipt));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal(ExpenseStatus.Submitted, outcome.Value!.Status);
        return outcome.Value.Id;
    }

    private sealed class FixedUser(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
    }
}
