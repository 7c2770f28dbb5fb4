using System.Net;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Customers.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

/// <summary>Photos are served by their kind's permission, read from what refers to them: KTP and house photos, transfer proofs, unsaved uploads.</summary>
public sealed class CustomerPhotoAccessTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    [Theory]
    [InlineData(Roles.Noc, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Technician, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Finance, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Roles.Manager, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task A_ktp_scan_needs_customers_read_and_is_never_stored_a_transfer_proof_needs_billing_read(string role, HttpStatusCode ktp, HttpStatusCode proof)
    {
        var (ktpName, proofName) = await AttachedPhotosAsync();
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var ktpResponse = await client.GetAsync(new Uri(CustomerPhotoEndpoints.UrlFor(ktpName).TrimStart('/'), UriKind.Relative));
        using var proofResponse = await client.GetAsync(new Uri(CustomerPhotoEndpoints.UrlFor(proofName).TrimStart('/'), UriKind.Relative));

        Assert.Equal(ktp, ktpResponse.StatusCode);
        Assert.True(ktpResponse.Headers.CacheControl is { NoStore: true, Private: true }, "a KTP scan is never kept");
        Assert.Equal(proof, proofResponse.StatusCode);
        if (proof == HttpStatusCode.OK)
            Assert.Equal("image/png", proofResponse.Content.Headers.ContentType?.MediaType);
        else
            Assert.NotEqual("image/png", proofResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_customers_read_a_ktp_scan_is_refused_by_the_use_case_and_an_unsaved_upload_only_to_uploaders()
    {
        var (ktpName, _) = await AttachedPhotosAsync();
        var unsaved = await SaveAsync();

        var noOne = await OpenAsAsync(new Actor(null, "nobody"), ktpName);
        var staffKtp = await OpenAsAsync(Actor.For(null, "staff", [Roles.Staff]), ktpName);
        var nocUnsaved = await OpenAsAsync(Actor.For(null, "noc", [Roles.Noc]), unsaved);
        var staffUnsaved = await OpenAsAsync(Actor.For(null, "staff", [Roles.Staff]), unsaved);

        Assert.Equal((PhotoKind.Ktp, false, true), (noOne!.Kind, noOne.Permitted, noOne.Photo is null));
        Assert.True(staffKtp!.Permitted);
        Assert.Equal((PhotoKind.Unattached, false), (nocUnsaved!.Kind, nocUnsaved.Permitted));
        Assert.Equal((true, "private, no-store"), (staffUnsaved!.Permitted, staffUnsaved.CacheControl));
        await staffKtp.Photo!.Content.DisposeAsync();
        await staffUnsaved.Photo!.Content.DisposeAsync();
    }

    private async Task<PhotoRead?> OpenAsAsync(Actor actor, string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var access = new PhotoAccess(scope.ServiceProvider.GetRequiredService<IspPortal.Core.Common.IIspDbFactory>(),
            scope.ServiceProvider.GetRequiredService<ICustomerPhotoStore>(), new FixedActor(actor));
        return await access.OpenAsync(name);
    }

    private async Task<(string Ktp, string Proof)> AttachedPhotosAsync()
    {
        var ktp = await SaveAsync();
        var proof = await SaveAsync();
        await using var db = portal.Database.CreateDbContext();
        var customerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var paymentId = await db.Payments.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(set => set.SetProperty(c => c.KtpPhotoPath, ktp));
        await db.Payments.Where(p => p.Id == paymentId).ExecuteUpdateAsync(set => set.SetProperty(p => p.ProofPath, proof));
        return (ktp, proof);
    }

    private async Task<string> SaveAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        using var png = new MemoryStream(Convert.FromBase64String(Png));
        var saved = await scope.ServiceProvider.GetRequiredService<ICustomerPhotoStore>().SaveAsync(png);
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value!;
    }

    private sealed class FixedActor(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
    }
}
