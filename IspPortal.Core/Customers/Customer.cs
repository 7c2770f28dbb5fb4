using System.Net;
using IspPortal.Core.Common;

namespace IspPortal.Core.Customers;

/// <summary>A subscriber (table <c>customers</c>).</summary>
public class Customer
{
    /// <summary><c>{LOC}-{ROUTER}{DDMMYY}-{NNN}</c>, e.g. <c>KCB-CKP010225-001</c>.</summary>
    public const int CodeMaxLength = 32;
    public const int FullNameMaxLength = 120;
    /// <summary>E.164: "+" and at most 15 digits.</summary>
    public const int PhoneMaxLength = 16;
    public const int EmailMaxLength = 254;
    public const int AddressMaxLength = 500;
    public const int RegionNameMaxLength = 100;
    public const int PostalCodeLength = 5;
    public const int PhotoPathMaxLength = 260;
    public const int ReasonMaxLength = 500;
    public const int NikLength = 16;

    private Customer() { }

    public Customer(string code, string fullName, string phone, int locationCodeId, int servicePackageId, DateTimeOffset registeredAt)
    {
        Code = code;
        FullName = fullName;
        Phone = phone;
        LocationCodeId = locationCodeId;
        ServicePackageId = servicePackageId;
        RegisteredAt = registeredAt;
        CreatedAt = registeredAt;
        UpdatedAt = registeredAt;
    }

    public int Id { get; private set; }

    /// <summary>Generated on registration, never edited.</summary>
    public string Code { get; private set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>The 16-digit NIK, protected with <see cref="SecretKind.Nik"/>.</summary>
    [Sensitive]
    public string? NikEncrypted { get; set; }

    /// <summary><see cref="IKeyedHasher"/> of the NIK, so it can be searched without decrypting.</summary>
    [Sensitive]
    public string? NikHash { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>WhatsApp number in E.164, e.g. <c>+6281234567890</c>.</summary>
    public string Phone { get; set; } = "";

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>Kelurahan/desa.</summary>
    public string? Village { get; set; }

    /// <summary>Kecamatan.</summary>
    public string? District { get; set; }

    /// <summary>Kabupaten/kota.</summary>
    public string? City { get; set; }

    public string? Province { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>Set through <see cref="MoveTo"/> so every move is kept in the history.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public CustomerStatus Status { get; private set; } = CustomerStatus.PendingProvisioning;

    public DateTimeOffset StatusChangedAt { get; private set; }

    [NotAudited]
    public ConnectionState ConnectionState { get; private set; } = ConnectionState.Unknown;

    [NotAudited]
    public DateTimeOffset? ConnectionChangedAt { get; private set; }

    /// <summary>Last time the router showed an active session.</summary>
    [NotAudited]
    public DateTimeOffset? LastSeenAt { get; private set; }

    [NotAudited]
    public IPAddress? CurrentIp { get; private set; }

    /// <summary>When the current session started (uptime = now − this); null when offline.</summary>
    [NotAudited]
    public DateTimeOffset? SessionStartedAt { get; private set; }

    /// <summary>Changed through <see cref="ChangePackage"/>.</summary>
    public int ServicePackageId { get; private set; }

    /// <summary>The package the customer chose in the portal, from <see cref="PendingPackageFrom"/> on; both or neither are set.</summary>
    public int? PendingServicePackageId { get; private set; }

    /// <summary>The first day of the month the pending package is billed and applied.</summary>
    public DateOnly? PendingPackageFrom { get; private set; }

    public int LocationCodeId { get; set; }

    /// <summary>The router that serves the customer; null only until one is chosen (<see cref="AssignRouter"/>).</summary>
    public int? RouterId { get; private set; }

    /// <summary>The pool the router was chosen from, when the customer was placed by a pool.</summary>
    public int? RouterPoolId { get; private set; }

    public DateOnly? InstallationDate { get; private set; }

    public Guid? TechnicianId { get; private set; }

    /// <summary>The first day the monthly run bills; null: from the installation (or registration) day.
    /// Set when the first month is given away (<see cref="Billing.FirstInvoiceMode.NextPeriod"/>).</summary>
    public DateOnly? BillingStartsOn { get; private set; }

    public string? KtpPhotoPath { get; set; }

    public string? HousePhotoPath { get; set; }

    /// <summary>The customer asked not to get reminders and promotions (service messages still go).</summary>
    public bool NotificationsOptOut { get; set; }

    /// <summary>Never isolated automatically (VIP, promised payment) while this holds.</summary>
    public bool IsolationExempt { get; private set; }

    /// <summary>Last day of the exemption; null with <see cref="IsolationExempt"/> means no end.</summary>
    public DateOnly? IsolationExemptUntil { get; private set; }

    public string? IsolationExemptReason { get; private set; }

    /// <summary>Overpayment kept for the next invoice, in rupiah.</summary>
    public decimal CreditBalance { get; private set; }

    /// <summary>Last inbound WhatsApp message; free text may be sent only within 24 hours of it.</summary>
    [NotAudited]
    public DateTimeOffset? LastInboundMessageAt { get; private set; }

    public string? Notes { get; set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public Billing.ServicePackage? ServicePackage { get; private set; }

    public Billing.ServicePackage? PendingServicePackage { get; private set; }

    public LocationCode? LocationCode { get; private set; }

    public Network.Router? Router { get; private set; }

    /// <summary>The router that serves the customer, chosen from <paramref name="routerPoolId"/> when placed by a pool.</summary>
    public void AssignRouter(int routerId, int? routerPoolId = null)
    {
        RouterId = routerId;
        RouterPoolId = routerPoolId;
    }

    /// <summary>The day the connection is installed and the technician who does it.</summary>
    public void ScheduleInstallation(DateOnly? date, Guid? technicianId)
    {
        InstallationDate = date;
        TechnicianId = technicianId;
    }

    public void StartBillingOn(DateOnly? day) => BillingStartsOn = day;

    /// <summary>The package now; a change scheduled for later is dropped, since it was chosen against the old package.</summary>
    public void ChangePackage(int servicePackageId, DateTimeOffset at)
    {
        ServicePackageId = servicePackageId;
        PendingServicePackageId = null;
        PendingPackageFrom = null;
        UpdatedAt = at;
    }

    /// <summary>Moves the customer to <paramref name="servicePackageId"/> from the month starting <paramref name="from"/>, replacing an earlier choice.</summary>
    public void SchedulePackageChange(int servicePackageId, DateOnly from, DateTimeOffset at)
    {
        if (from.Day != 1)
            throw new ArgumentOutOfRangeException(nameof(from), from, "A package change starts on a month's first day.");
        if (servicePackageId == ServicePackageId)
            throw new InvalidOperationException($"Customer {Code} already has package {servicePackageId}.");
        PendingServicePackageId = servicePackageId;
        PendingPackageFrom = from;
        UpdatedAt = at;
    }

    public void CancelPackageChange(DateTimeOffset at)
    {
        PendingServicePackageId = null;
        PendingPackageFrom = null;
        UpdatedAt = at;
    }

    /// <summary>The package billed for the month starting <paramref name="month"/>: the pending one from its first month on.</summary>
    public int PackageIdFor(DateOnly month) =>
        PendingPackageFrom is { } from && month >= from ? PendingServicePackageId!.Value : ServicePackageId;

    /// <summary>Staff changed the customer's data (profile, photos, isolation exemption) at <paramref name="at"/>.</summary>
    public void MarkEdited(DateTimeOffset at) => UpdatedAt = at;

    public bool IsExemptFromIsolation(DateOnly today) =>
        IsolationExempt && (IsolationExemptUntil is null || today <= IsolationExemptUntil);

    /// <summary>Changes the lifecycle status; the returned entry goes to <c>customer_status_logs</c>.</summary>
    public CustomerStatusLog? ChangeStatus(CustomerStatus to, StatusChangeSource source, string? reason, DateTimeOffset at, Guid? userId = null)
    {
        if (Status == to)
        {
            return null;
        }
        if (Status == CustomerStatus.Terminated)
        {
            throw new InvalidOperationException($"Customer {Code} is terminated; its status cannot change.");
        }
        var entry = new CustomerStatusLog(Id, at, StatusChangeKind.Lifecycle, Status.ToString(), to.ToString(), source, reason, userId) { Customer = this };
        Status = to;
        StatusChangedAt = at;
        UpdatedAt = at;
        if (to == CustomerStatus.Terminated)
        {
            TerminatedAt = at;
        }
        return entry;
    }

    public CustomerConnection Connection() => new(ConnectionState, CurrentIp, SessionStartedAt, LastSeenAt, ConnectionChangedAt);

    /// <summary>Records what the router reported; returns a log entry only when the state changed.</summary>
    /// <param name="lastSeenOnline">See <see cref="CustomerConnection.Observe"/>.</param>
    public CustomerStatusLog? RecordConnection(ConnectionState state, IPAddress? ip, DateTimeOffset? sessionStartedAt, DateTimeOffset at, DateTimeOffset? lastSeenOnline = null)
    {
        var before = Connection();
        var after = before.Observe(state, ip, sessionStartedAt, at, lastSeenOnline);
        (ConnectionState, CurrentIp, SessionStartedAt, LastSeenAt, ConnectionChangedAt) =
            (after.State, after.CurrentIp, after.SessionStartedAt, after.LastSeenAt, after.ChangedAt);
        return after.LogSince(before, Id) is { } entry ? Attach(entry) : null;
    }

    private CustomerStatusLog Attach(CustomerStatusLog entry)
    {
        entry.Customer = this;
        return entry;
    }

    /// <summary>Moves the map pin; the returned entry goes to <c>customer_location_history</c>.</summary>
    public CustomerLocationHistory? MoveTo(double latitude, double longitude, DateTimeOffset at, Guid? userId, string? reason = null)
    {
        if (latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90.");
        }
        if (longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180.");
        }
        if (Latitude == latitude && Longitude == longitude)
        {
            return null;
        }
        var entry = new CustomerLocationHistory(Id, Latitude, Longitude, latitude, longitude, at, userId, reason) { Customer = this };
        Latitude = latitude;
        Longitude = longitude;
        UpdatedAt = at;
        return entry;
    }

    public void ExemptFromIsolation(DateOnly? until, string reason)
    {
        IsolationExempt = true;
        IsolationExemptUntil = until;
        IsolationExemptReason = reason;
    }

    public void EndIsolationExemption()
    {
        IsolationExempt = false;
        IsolationExemptUntil = null;
        IsolationExemptReason = null;
    }

    public void AddCredit(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        CreditBalance += amount;
    }

    /// <summary>Takes up to <paramref name="wanted"/> from the credit balance; returns what was taken.</summary>
    public decimal UseCredit(decimal wanted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wanted);
        var used = Math.Min(wanted, CreditBalance);
        CreditBalance -= used;
        return used;
    }
}
