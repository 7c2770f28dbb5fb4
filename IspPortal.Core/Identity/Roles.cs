namespace IspPortal.Core.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Technician = "Technician";
    public const string Finance = "Finance";
    public const string Noc = "NOC";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Technician, Finance, Noc, Manager];
}
