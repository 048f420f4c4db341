using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Tests.Mobility;

public sealed class TrajectoryBufferTests
{
    private static Passage Walk(int resident, int segment, double entry) =>
        new(resident, segment, 1, entry, entry + 10, 1.4f, TravelModes.Walk, 0f, 0.5f);

    private static Stay Sit(int resident, int place, double start) => new(resident, place, 0, -1, 0f, start, start + 60, 0f);

    private static TrajectoryBuffer Filled(int passages)
    {
        var buffer = new TrajectoryBuffer();
        for (int i = 0; i < passages; i++)
        {
            buffer.AddPassage(Walk(i, i % 3, i));
            buffer.AddStay(Sit(i, i % 2, i));
        }
        return buffer;
    }

    [Fact]
    public void Release_forgets_the_events_and_gives_the_storage_back()
    {
        var buffer = Filled(5000);
        buffer.Group(segmentCount: 3, placeCount: 2);
        long before = buffer.CapacityBytes;

        buffer.Release();

        Assert.Equal(0, buffer.PassageCount);
        Assert.Equal(0, buffer.StayCount);
        Assert.True(buffer.CapacityBytes < before / 100, $"{buffer.CapacityBytes} bytes still held of {before}");
    }

    [Fact]
    public void A_released_buffer_fills_groups_and_appends_like_a_new_one()
    {
        var reused = Filled(300);
        reused.Group(segmentCount: 3, placeCount: 2);
        reused.Release();
        var fresh = new TrajectoryBuffer();
        foreach (var buffer in new[] { reused, fresh })
        {
            buffer.Append(Filled(700));
            buffer.AddPassage(Walk(9, 2, 5));
            buffer.Group(segmentCount: 3, placeCount: 2);
        }

        Assert.Equal(fresh.PassageCount, reused.PassageCount);
        for (int segment = 0; segment < 3; segment++)
        {
            Assert.Equal(fresh.PassagesOnSegment(segment).ToArray(), reused.PassagesOnSegment(segment).ToArray());
        }
        Assert.Equal(fresh.StaysAtPlace(1).ToArray(), reused.StaysAtPlace(1).ToArray());
        Assert.Equal(fresh.GetPassage(700), reused.GetPassage(700));
    }
}
