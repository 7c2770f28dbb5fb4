using IspPortal.Core.Common;

namespace IspPortal.Core.Customers;

/// <summary>Every move of a customer's map pin (table <c>customer_location_history</c>).</summary>
[NotAudited]
public class CustomerLocationHistory
{
    private CustomerLocationHistory() { }

    public CustomerLocationHistory(int customerId, double? fromLatitude, double? fromLongitude, double latitude, double longitude, DateTimeOffset changedAt, Guid? changedById, string? reason)
    {
        CustomerId = customerId;
        FromLatitude = fromLatitude;
        FromLongitude = fromLongitude;
        Latitude = latitude;
        Longitude = longitude;
        ChangedAt = changedAt;
        ChangedById = changedById;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int CustomerId { get; private set; }

    public double? FromLatitude { get; private set; }

    public double? FromLongitude { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public Guid? ChangedById { get; private set; }

    public string? Reason { get; private set; }

    public Customer? Customer { get; init; }
}
