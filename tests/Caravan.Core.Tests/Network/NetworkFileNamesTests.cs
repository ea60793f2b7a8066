using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

public sealed class NetworkFileNamesTests
{
    [Theory]
    [InlineData("data/network", NetworkFileNames.Links, "data/network/links.csv")]
    [InlineData("data/network", NetworkFileNames.Countries, "data/reference/countries.csv")]
    [InlineData("data/network/", NetworkFileNames.EmissionFactors, "data/reference/emission-factors.csv")]
    [InlineData("/srv/corridor/network", NetworkFileNames.ContainerTypes, "/srv/corridor/reference/container-types.csv")]
    [InlineData("network", NetworkFileNames.Countries, "./reference/countries.csv")]
    [InlineData("network/", NetworkFileNames.Countries, "./reference/countries.csv")]
    [InlineData(".", NetworkFileNames.Countries, "../reference/countries.csv")]
    [InlineData("..", NetworkFileNames.Countries, "../../reference/countries.csv")]
    public void Network_files_live_in_the_directory_and_reference_files_beside_it(string directory, string file, string expected) =>
        Assert.Equal(expected, NetworkFileNames.PathIn(directory, file));
}
