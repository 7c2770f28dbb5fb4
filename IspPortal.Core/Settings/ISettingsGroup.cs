using IspPortal.Core.Common;

namespace IspPortal.Core.Settings;

public interface ISettingsGroup<TSelf> where TSelf : ISettingsGroup<TSelf>, new()
{
    static abstract string Key { get; }

    FieldErrors Validate();
}
