import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('thread count of 2') : 'the reactor did not build with -T 2'
assert !new File(basedir, 'target/reactor-parent-2.0.0-SNAPSHOT-ark-biz.jar').exists() : 'pom packaging must be skipped'

['facade': [], 'biz': ['lib/commons-lang3-3.12.0.jar', 'lib/facade-2.0.0-SNAPSHOT.jar'],
 'biz2': ['lib/commons-lang3-3.12.0.jar', 'lib/facade-2.0.0-SNAPSHOT.jar']].each { module, expectedLibs ->
    def biz = new File(basedir, "$module/target/$module-2.0.0-SNAPSHOT-ark-biz.jar")
    assert biz.isFile() : "no biz jar for $module"
    assert !new File(basedir, "$module/target/$module-2.0.0-SNAPSHOT-ark-executable.jar").exists()
    def jar = new JarFile(biz)
    def a = jar.manifest.mainAttributes
    assert a.getValue('Ark-Biz-Name') == module
    assert a.getValue('Ark-Biz-Version') == '2.0.0-SNAPSHOT'
    def libs = jar.entries().collect { it.name }.findAll { it.startsWith('lib/') && !it.endsWith('/') }.sort()
    assert libs == expectedLibs : "$module lib entries: $libs"
    if (module != 'facade') {
        assert a.getValue('Start-Class') == "com.example.${module}.Main"
        // the facade inside lib/ is the reactor module's packaged jar
        def facadeBytes = new File(basedir, 'facade/target/facade-2.0.0-SNAPSHOT.jar').bytes
        assert jar.getInputStream(jar.getEntry('lib/facade-2.0.0-SNAPSHOT.jar')).bytes == facadeBytes
    } else {
        assert a.getValue('Start-Class') == 'com.example.facade.Greeter'
    }
    jar.close()
}
return true
