namespace DigitalTwin.TestKit;

/// <summary>A tiny OpenStreetMap file with water and rail barriers, for the importer and the start map.</summary>
internal static partial class TinyWorlds
{
    /// <summary>
    /// "Canal Quarter" (.osm XML), about 52.00 N 4.36 E. A main street along latitude 52.0000 and a north street along
    /// 52.0020, both from longitude 4.3600 to 4.3700, joined by a west street at 4.3600 (51.9990 to 52.0030, which sets
    /// the streets' bounding box) and by three north-south links at 4.3620, 4.3660 (streets) and 4.3662 (a footway, about
    /// 14 m east of the second: one bridge with its path). A canal along 52.0010 from 4.3605 to 4.3695, mapped as two
    /// ways meeting at 4.3650 (the second drawn east to west), crossed by the three links: two crossings, 4.3620 and
    /// 4.3661 (the merged pair). A railway at 4.3680 from 51.9995 to 52.0100 (clipped at the box's 52.0030) that shares
    /// its node with the main street (a level crossing) and passes the north street without one (a bridge): two rail
    /// crossings 0.0020 degrees of latitude apart. Not barriers: a second track 10 m east (the same railway), a tram
    /// along the main street, and a ditch in a culvert.
    /// Two houses beside the main street, so that a scenario can place residents.
    /// </summary>
    public const string CanalQuarterOsm = """
        <osm version="0.6">
          <node id="1" lat="52.0000" lon="4.3600"/><node id="2" lat="52.0000" lon="4.3620"/><node id="3" lat="52.0000" lon="4.3660"/>
          <node id="4" lat="52.0000" lon="4.3662"/><node id="5" lat="52.0000" lon="4.3680"/><node id="6" lat="52.0000" lon="4.3700"/>
          <node id="11" lat="52.0020" lon="4.3600"/><node id="12" lat="52.0020" lon="4.3620"/><node id="13" lat="52.0020" lon="4.3660"/>
          <node id="14" lat="52.0020" lon="4.3662"/><node id="16" lat="52.0020" lon="4.3700"/>
          <node id="20" lat="51.9990" lon="4.3600"/><node id="21" lat="52.0030" lon="4.3600"/>
          <node id="30" lat="52.0010" lon="4.3605"/><node id="31" lat="52.0010" lon="4.3650"/><node id="32" lat="52.0010" lon="4.3695"/>
          <node id="40" lat="51.9995" lon="4.3680"/><node id="41" lat="52.0100" lon="4.3680"/>
          <node id="42" lat="51.9995" lon="4.36815"/><node id="43" lat="52.0100" lon="4.36815"/>
          <node id="50" lat="51.9995" lon="4.3640"/><node id="51" lat="52.0005" lon="4.3640"/>
          <node id="60" lat="51.99990" lon="4.3630"/><node id="61" lat="51.99990" lon="4.3632"/><node id="62" lat="51.99980" lon="4.3632"/><node id="63" lat="51.99980" lon="4.3630"/>
          <node id="64" lat="52.00030" lon="4.3670"/><node id="65" lat="52.00030" lon="4.3672"/><node id="66" lat="52.00040" lon="4.3672"/><node id="67" lat="52.00040" lon="4.3670"/>
          <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><nd ref="6"/><tag k="highway" v="residential"/><tag k="name" v="Hoofdstraat"/></way>
          <way id="101"><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="14"/><nd ref="16"/><tag k="highway" v="residential"/><tag k="name" v="Noordstraat"/></way>
          <way id="102"><nd ref="20"/><nd ref="1"/><nd ref="11"/><nd ref="21"/><tag k="highway" v="residential"/><tag k="name" v="Weststraat"/></way>
          <way id="103"><nd ref="2"/><nd ref="12"/><tag k="highway" v="residential"/><tag k="name" v="Eerste Brugstraat"/></way>
          <way id="104"><nd ref="3"/><nd ref="13"/><tag k="highway" v="residential"/><tag k="name" v="Tweede Brugstraat"/></way>
          <way id="105"><nd ref="4"/><nd ref="14"/><tag k="highway" v="footway"/></way>
          <way id="200"><nd ref="30"/><nd ref="31"/><tag k="waterway" v="canal"/><tag k="name" v="Kanaal"/></way>
          <way id="201"><nd ref="32"/><nd ref="31"/><tag k="waterway" v="canal"/><tag k="name" v="Kanaal"/></way>
          <way id="300"><nd ref="40"/><nd ref="5"/><nd ref="41"/><tag k="railway" v="rail"/></way>
          <way id="301"><nd ref="42"/><nd ref="43"/><tag k="railway" v="rail"/></way>
          <way id="302"><nd ref="1"/><nd ref="6"/><tag k="railway" v="tram"/></way>
          <way id="303"><nd ref="50"/><nd ref="51"/><tag k="waterway" v="ditch"/><tag k="tunnel" v="culvert"/></way>
          <way id="400"><nd ref="60"/><nd ref="61"/><nd ref="62"/><nd ref="63"/><nd ref="60"/><tag k="building" v="house"/></way>
          <way id="401"><nd ref="64"/><nd ref="65"/><nd ref="66"/><nd ref="67"/><nd ref="64"/><tag k="building" v="house"/></way>
        </osm>
        """;
}
