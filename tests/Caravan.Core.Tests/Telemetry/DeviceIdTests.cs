using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

public sealed class DeviceIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("48241179")]
    [InlineData("TRK-0001_v2.eu")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Accepts_1_to_64_letters_digits_dashes_underscores_and_dots(string text)
    {
        Assert.True(DeviceId.TryParse(text, out var id));
        Assert.Equal(text, id.Value);
        Assert.Equal(id, DeviceId.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("trk 1")]
    [InlineData("trk/1")]
    [InlineData("trk+1")]
    [InlineData("trk#")]
    [InlineData("трекер")]
    public void Rejects_empty_too_long_or_other_characters(string text)
    {
        Assert.False(DeviceId.TryParse(text, out var id));
        Assert.Equal(default, id);
        Assert.Throws<FormatException>(() => DeviceId.Parse(text));
    }

    [Fact]
    public void Ids_are_case_sensitive() => Assert.NotEqual(DeviceId.Parse("abc"), DeviceId.Parse("ABC"));

    [Fact]
    public void The_default_id_has_no_value() => Assert.Throws<InvalidOperationException>(() => default(DeviceId).Value);
}
