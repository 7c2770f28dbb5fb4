using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Installations;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Pools;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Registration;

/// <summary>The service half of a registration: where and what the customer subscribes to.</summary>
/// <param name="RouterId">The router; or null with <paramref name="RouterPoolId"/> to let the pool choose.</param>
public sealed record ServiceChoice(
    int LocationCodeId,
    int? RouterId,
    int? RouterPoolId,
    int ServicePackageId,
    DateOnly? InstallationDate,
    Guid? TechnicianId);

public sealed record RegistrationInput(
    CustomerProfileInput Profile,
    ServiceChoice Service,
    string? KtpPhoto = null,
    string? HousePhoto = null,
    RegistrationChannel Channel = RegistrationChannel.Office);

public sealed record ServiceProposal(
    int RouterId, string RouterCode, string RouterName, Network.RouterHealth Health, double? Latitude, double? Longitude, string PackageName, decimal MonthlyPrice, int Replicas);

/// <param name="PppoePassword">Shown once (review step, API response); stored only encrypted.</param>
/// <param name="Provisioned">False when the router could not take the secret yet: the customer is
/// pending provisioning and the sync (or the retry button) finishes it.</param>
public sealed record RegistrationResult(
    int CustomerId, string Code, string PppoeUsername, string PppoePassword, string RouterCode, bool Provisioned, string Message);

/// <summary>
/// PSB: validate → save the customer, registration, pending secret(s), the welcome message, the
/// technician's work order and whatever other features add (billing's first invoice) in one transaction, with the code and
/// the PPPoE username generated under a per-router lock → put the secret on the router. Nothing is
/// half-made: a refused input saves nothing, an unreachable router leaves a complete customer
/// pending provisioning.
/// </summary>
public sealed class RegisterCustomer(
    IIspDbFactory dbs,
    ISecretProtector secrets,
    IKeyedHasher hasher,
    IDatabaseLocks locks,
    ICustomerPhotoStore photos,
    ICurrentUser currentUser,
    IspClock ispClock,
    ChooseRouterFromPool pools,
    ProvisionCustomer provisioning,
    IEnumerable<ICustomerRegistrationHandler> handlers,
    InstallationNotices installationNotices,
    TimeProvider clock)
{
    public static readonly string WelcomeTemplate = Notifications.Templates.NotificationEvents.CustomerWelcome.Key;
    public const int MaxDaysUntilInstallation = 90;

    public async Task<Outcome<RegistrationResult>> ExecuteAsync(RegistrationInput input, CancellationToken cancellationToken = default)
    {
        var today = await ispClock.TodayAsync(cancellationToken);
        var (profile, errors) = CustomerProfile.Validate(input.Profile, today);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (service, serviceErrors) = await ValidateServiceAsync(db, input.Service, today, cancellationToken);
        foreach (var (field, messages) in serviceErrors.ToDictionary())
            foreach (var message in messages)
                errors.Add(field, message);
        foreach (var (field, photo) in new[] { (nameof(input.KtpPhoto), input.KtpPhoto), (nameof(input.HousePhoto), input.HousePhoto) })
            errors.When(photo is not null && !photos.Exists(photo), field, "Foto tidak ditemukan; unggah ulang.");
        if (errors.Any)
            return Outcome.Refused<RegistrationResult>(errors);

        var actor = await currentUser.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var password = PppoeCredentials.NewPassword();
        Customer customer;
        PppoeSecret secret;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // One registration per router at a time: the day's next number and a free username are
            // decided and saved before the next agent's registration on that router may look.
            await locks.LockForTransactionAsync(db, $"registration:router:{service!.Router.Id}", cancellationToken);
            var prefix = CustomerCode.Prefix(service.Location.Code, service.Router.Code, today);
            var last = await db.Customers.Where(c => c.Code.StartsWith(prefix)).MaxAsync(c => (string?)c.Code, cancellationToken);
            if (CustomerCode.Next(prefix, last) is not { } number)
                return Outcome.Refused<RegistrationResult>("", $"Hari ini sudah {CustomerCode.MaxPerDay} pelanggan terdaftar untuk {prefix[..^1]}; nomor urut habis. Daftarkan besok atau pilih router lain.");
            var taken = (await db.PppoeSecrets.Where(s => s.RouterId == service.Router.Id && s.Username.StartsWith(service.Router.Code))
                .Select(s => s.Username).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            if (PppoeCredentials.PickUsername(service.Router.Code, taken) is not { } username)
                return Outcome.Refused<RegistrationResult>(nameof(ServiceChoice.RouterId),
                    $"Semua {PppoeCredentials.NumbersPerRouter} username PPPoE router {service.Router.Code} ({service.Router.Code}{PppoeCredentials.FirstNumber}–{service.Router.Code}{PppoeCredentials.LastNumber}) sudah terpakai. Pilih router lain.");

            customer = NewCustomer(CustomerCode.Format(prefix, number), profile!, service, input, now);
            customer.NikHash = await hasher.HashAsync(profile!.Nik.Value, cancellationToken);
            db.Customers.Add(customer);
            if (profile.Latitude is { } latitude && profile.Longitude is { } longitude && customer.MoveTo(latitude, longitude, now, actor.UserId, "Pendaftaran") is { } pin)
                db.CustomerLocationHistory.Add(pin);
            db.CustomerStatusLogs.Add(new CustomerStatusLog(0, now, StatusChangeKind.Lifecycle, null, customer.Status.ToString(), StatusChangeSource.Registration, null, actor.UserId) { Customer = customer });
            await db.SaveChangesAsync(cancellationToken);

            var registration = new CustomerRegistration(customer.Id, service.Package.Id, service.Router.Id, service.PoolId, actor.UserId, now)
            {
                Channel = input.Channel,
                InstallationScheduledFor = input.Service.InstallationDate,
                TechnicianId = input.Service.TechnicianId,
                Notes = profile.Notes,
            };
            db.CustomerRegistrations.Add(registration);
            var encrypted = secrets.Protect(SecretKind.PppoePassword, password);
            var comment = Comment(customer);
            secret = new PppoeSecret(service.Router.Id, customer.Id, username, encrypted, service.Package.MikrotikProfile, false, now) { Comment = comment };
            db.PppoeSecrets.Add(secret);
            foreach (var backup in service.ReplicaRouterIds)
                db.PppoeSecrets.Add(new PppoeSecret(backup, customer.Id, username, encrypted, service.Package.MikrotikProfile, true, now) { Comment = comment });
            db.OutboxMessages.Add(Welcome(customer, username, service, now));
            foreach (var handler in handlers)
                await handler.OnRegisteredAsync(db, customer, registration, cancellationToken);
            await installationNotices.QueueAsync(db, customer, registration, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var provisioned = await provisioning.ExecuteAsync(customer.Id, cancellationToken);
        var onRouter = provisioned.Value?.Provisioned ?? false;
        return Outcome.Done(new RegistrationResult(customer.Id, customer.Code, secret.Username, password, service.Router.Code, onRouter,
            onRouter
                ? $"Pelanggan {customer.Code} terdaftar; secret {secret.Username} sudah terpasang di router {service.Router.Code}."
                : $"Pelanggan {customer.Code} tersimpan dan menunggu provisioning: {provisioned.Value?.Message ?? provisioned.FirstError}"));
    }

    /// <summary>The wizard's service step: the same checks as the save, and the router a pool would choose now.</summary>
    public async Task<Outcome<ServiceProposal>> ProposeAsync(ServiceChoice input, CancellationToken cancellationToken = default)
    {
        var today = await ispClock.TodayAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (service, errors) = await ValidateServiceAsync(db, input, today, cancellationToken);
        return errors.Any
            ? Outcome.Refused<ServiceProposal>(errors)
            : Outcome.Done(new ServiceProposal(service!.Router.Id, service.Router.Code, service.Router.Name, service.Router.Health, service.Router.Latitude, service.Router.Longitude,
                service.Package.Name, service.Package.MonthlyPrice, service.ReplicaRouterIds.Count));
    }

    /// <summary>The API names things by code; the wizard by id. Unknown codes are refused under the API's own field names.</summary>
    public async Task<Outcome<ServiceChoice>> ResolveCodesAsync(
        string? locationCode, string? routerCode, int? routerPoolId, string? packageCode, DateOnly? installationDate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var errors = new FieldErrors();
        var location = Normalise(locationCode);
        var locationId = await db.LocationCodes.Where(l => l.Code == location).Select(l => (int?)l.Id).SingleOrDefaultAsync(cancellationToken);
        errors.When(locationId is null, "LocationCode", location.Length == 0 ? "Kode lokasi wajib diisi." : $"Kode lokasi '{location}' tidak dikenal.");
        var package = Normalise(packageCode);
        var packageId = await db.ServicePackages.Where(p => p.Code == package).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        errors.When(packageId is null, "PackageCode", package.Length == 0 ? "Kode paket wajib diisi." : $"Kode paket '{package}' tidak dikenal.");
        int? routerId = null;
        if (!string.IsNullOrWhiteSpace(routerCode))
        {
            var router = Normalise(routerCode);
            routerId = await db.Routers.Where(r => r.Code == router).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            errors.When(routerId is null, "RouterCode", $"Kode router '{router}' tidak dikenal.");
        }
        errors.When(string.IsNullOrWhiteSpace(routerCode) == (routerPoolId is null), "RouterCode", "Isi routerCode atau routerPoolId (salah satu).");
        return errors.Any
            ? Outcome.Refused<ServiceChoice>(errors)
            : Outcome.Done(new ServiceChoice(locationId!.Value, routerId, routerPoolId, packageId!.Value, installationDate, null));
    }

    private static string Normalise(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private sealed record ChosenService(LocationCode Location, Network.Router Router, int? PoolId, IReadOnlyList<int> ReplicaRouterIds, Billing.ServicePackage Package);

    private async Task<(ChosenService? Service, FieldErrors Errors)> ValidateServiceAsync(IIspDb db, ServiceChoice input, DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var location = await db.LocationCodes.AsNoTracking().SingleOrDefaultAsync(l => l.Id == input.LocationCodeId, cancellationToken);
        errors.When(location is not { IsActive: true }, nameof(input.LocationCodeId), "Pilih kode lokasi yang aktif.");
        var package = await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ServicePackageId, cancellationToken);
        errors.When(package is not { IsActive: true }, nameof(input.ServicePackageId), "Pilih paket layanan yang aktif.");
        errors.When(input.InstallationDate is { } date && (date < today || date > today.AddDays(MaxDaysUntilInstallation)), nameof(input.InstallationDate),
            $"Tanggal instalasi harus antara hari ini dan {MaxDaysUntilInstallation} hari ke depan.");
        if (input.TechnicianId is { } technicianId)
        {
            var isTechnician = await db.ActiveInRole(Roles.Technician).AnyAsync(u => u.Id == technicianId, cancellationToken);
            errors.When(!isTechnician, nameof(input.TechnicianId), "Pilih teknisi yang aktif.");
        }

        Network.Router? router = null;
        int? poolId = null;
        IReadOnlyList<int> replicas = [];
        if (input.RouterId.HasValue == input.RouterPoolId.HasValue)
        {
            errors.Add(nameof(input.RouterId), "Pilih satu router atau satu pool router.");
        }
        else if (input.RouterPoolId is { } requestedPool)
        {
            var chosen = await pools.ExecuteAsync(requestedPool, cancellationToken);
            if (!chosen.Succeeded)
                errors.Add(nameof(input.RouterPoolId), chosen.FirstError);
            else
            {
                router = await db.Routers.AsNoTracking().SingleAsync(r => r.Id == chosen.Value!.RouterId, cancellationToken);
                poolId = requestedPool;
                replicas = await db.RouterPools.Where(p => p.Id == requestedPool && p.ReplicateSecrets)
                    .SelectMany(p => db.RouterPoolMembers.Where(m => m.RouterPoolId == p.Id && m.IsActive && m.Role == PoolMemberRole.Backup && m.RouterId != router.Id))
                    .Select(m => m.RouterId).ToListAsync(cancellationToken);
            }
        }
        else
        {
            router = await db.Routers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == input.RouterId, cancellationToken);
            errors.When(router is not { IsActive: true }, nameof(input.RouterId), "Pilih router yang aktif.");
        }
        return errors.Any ? (null, errors) : (new ChosenService(location!, router!, poolId, replicas, package!), errors);
    }

    private Customer NewCustomer(string code, CustomerProfile profile, ChosenService service, RegistrationInput input, DateTimeOffset now)
    {
        var customer = new Customer(code, profile.FullName, profile.Phone, service.Location.Id, service.Package.Id, now)
        {
            NikEncrypted = secrets.Protect(SecretKind.Nik, profile.Nik.Value),
            BirthDate = profile.Nik.BirthDate,
            Email = profile.Email,
            Address = profile.Address,
            Village = profile.Village,
            District = profile.District,
            City = profile.City,
            Province = profile.Province ?? profile.Nik.Province,
            PostalCode = profile.PostalCode,
            KtpPhotoPath = input.KtpPhoto,
            HousePhotoPath = input.HousePhoto,
            Notes = profile.Notes,
        };
        customer.AssignRouter(service.Router.Id, service.PoolId);
        customer.ScheduleInstallation(input.Service.InstallationDate, input.Service.TechnicianId);
        return customer;
    }

    /// <summary>The router's comment names the customer, so an operator in Winbox knows whose secret it is.</summary>
    private static string Comment(Customer customer)
    {
        var comment = $"{customer.Code} {customer.FullName}";
        return comment.Length > PppoeSecret.CommentMaxLength ? comment[..PppoeSecret.CommentMaxLength] : comment;
    }

    /// <summary>
    /// The welcome carries the username, never the password: the dispatcher reads it from the
    /// encrypted secret when it sends, so no plaintext credential rests in the outbox.
    /// </summary>
    private static OutboxMessage Welcome(Customer customer, string username, ChosenService service, DateTimeOffset now) =>
        new($"welcome:{customer.Code}", NotificationChannel.WhatsApp, customer.Phone, WelcomeTemplate,
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["nama"] = customer.FullName,
                ["kode_pelanggan"] = customer.Code,
                ["username_pppoe"] = username,
                ["paket"] = service.Package.Name,
                ["tanggal_instalasi"] = customer.InstallationDate?.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "jadwal yang akan kami kabarkan",
            }),
            now, customer.Id);
}
