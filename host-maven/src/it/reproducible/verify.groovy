import java.util.jar.JarFile

def one = new File(basedir, 'out/one/reproducible-1.0.0-ark-biz.jar')
def two = new File(basedir, 'out/two/reproducible-1.0.0-ark-biz.jar')
assert one.isFile() && two.isFile()
assert one.bytes == two.bytes : 'two builds gave different bytes'
def jar = new JarFile(one)
assert jar.manifest.mainAttributes.getValue('build-time') != null
// every entry carries project.build.outputTimestamp
def expected = java.time.Instant.parse('2024-01-01T00:00:00Z')
jar.entries().each { e ->
    def t = e.lastModifiedTime.toInstant()
    assert Math.abs(t.epochSecond - expected.epochSecond) <= 86400 : "${e.name} has time $t"
}
jar.close()
return true
