namespace IspPortal.Core.Customers;

/// <summary>
/// The PSB (new-subscriber registration) of one customer, from the wizard to the installation
/// work order (table <c>customer_registrations</c>, one per customer).
/// </summary>
public class CustomerRegistration
{
    public const int ErrorMaxLength = 2000;
    public const int NotesMaxLength = 2000;

    private CustomerRegistration() { }

    public CustomerRegistration(int customerId, int servicePackageId, int routerId, int? routerPoolId, Guid? registeredById, DateTimeOffset registeredAt)
    {
        CustomerId = customerId;
        ServicePackageId = servicePackageId;
        RouterId = routerId;
        RouterPoolId = routerPoolId;
        RegisteredById = registeredById;
        RegisteredAt = registeredAt;
        UpdatedAt = registeredAt;
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.PendingProvisioning;

    public RegistrationChannel Channel { get; set; } = RegistrationChannel.Office;

    /// <summary>The package and router chosen in the wizard (the customer may change later).</summary>
    public int ServicePackageId { get; private set; }

    public int RouterId { get; private set; }

    public int? RouterPoolId { get; private set; }

    public Guid? RegisteredById { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public int ProvisioningAttempts { get; private set; }

    public DateTimeOffset? LastProvisioningAttemptAt { get; private set; }

    public string? LastProvisioningError { get; private set; }

    public DateTimeOffset? ProvisionedAt { get; private set; }

    /// <summary>The installation work order: when and by whom.</summary>
    public DateOnly? InstallationScheduledFor { get; set; }

    public Guid? TechnicianId { get; set; }

    /// <summary>Raised by every change of the work order's technician or schedule, so each version is told once.</summary>
    public int AssignmentVersion { get; private set; } = 1;

    public DateTimeOffset? InstalledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public string? Notes { get; set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Customer? Customer { get; private set; }

    /// <summary>Gives the work order to <paramref name="technicianId"/> on <paramref name="scheduledFor"/>.</summary>
    /// <returns>False when nothing changed.</returns>
    public bool Reassign(Guid? technicianId, DateOnly? scheduledFor, DateTimeOffset at)
    {
        EnsureOpen();
        if (Status != RegistrationStatus.PendingProvisioning && Status != RegistrationStatus.AwaitingInstallation)
            throw new InvalidOperationException($"The registration is {Status}.");
        if (technicianId == TechnicianId && scheduledFor == InstallationScheduledFor)
            return false;
        TechnicianId = technicianId;
        InstallationScheduledFor = scheduledFor;
        AssignmentVersion++;
        UpdatedAt = at;
        return true;
    }

    public void RecordProvisioningFailure(string error, DateTimeOffset at)
    {
        EnsureOpen();
        ProvisioningAttempts++;
        LastProvisioningAttemptAt = at;
        LastProvisioningError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        UpdatedAt = at;
    }

    public void MarkProvisioned(DateTimeOffset at)
    {
        EnsureOpen();
        if (Status != RegistrationStatus.PendingProvisioning)
        {
            return;
        }
        ProvisioningAttempts++;
        LastProvisioningAttemptAt = at;
        LastProvisioningError = null;
        ProvisionedAt = at;
        Status = RegistrationStatus.AwaitingInstallation;
        UpdatedAt = at;
    }

    public void MarkInstalled(DateTimeOffset at)
    {
        if (Status != RegistrationStatus.AwaitingInstallation)
        {
            throw new InvalidOperationException($"A registration can be installed only after provisioning (it is {Status}).");
        }
        InstalledAt = at;
        Status = RegistrationStatus.Completed;
        UpdatedAt = at;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        EnsureOpen();
        CancellationReason = reason;
        CancelledAt = at;
        Status = RegistrationStatus.Cancelled;
        UpdatedAt = at;
    }

    private void EnsureOpen()
    {
        if (Status is RegistrationStatus.Completed or RegistrationStatus.Cancelled)
        {
            throw new InvalidOperationException($"The registration is {Status}.");
        }
    }
}

public enum RegistrationStatus
{
    /// <summary>Saved; the PPPoE secret is not on the router yet.</summary>
    PendingProvisioning,
    /// <summary>The secret is on the router; a technician still has to install.</summary>
    AwaitingInstallation,
    Completed,
    Cancelled,
}

public enum RegistrationChannel
{
    Office,
    Field,
    Api,
    CustomerPortal,
}
