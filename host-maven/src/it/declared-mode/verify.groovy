import java.util.jar.JarFile

def jar = new JarFile(new File(basedir, 'target/declared-mode-1.0.0-ark-biz.jar'))
def declared = jar.manifest.mainAttributes.getValue('declared-libraries')
// the project, every non-test library (provided included: declared describes, it does not package) and the whitelist
assert declared != null && declared != '' : 'declaredMode=true must write declared-libraries'
def set = declared.split(',') as List
assert set.containsAll(['declared-mode', 'commons-lang3', 'extra-lib']) : "declared-libraries: $declared"
assert set.contains('javax.servlet-api') : "declared-libraries: $declared"
def libs = jar.entries().collect { it.name }.findAll { it.startsWith('lib/') && !it.endsWith('/') }
assert libs == ['lib/commons-lang3-3.12.0.jar'] : "lib entries: $libs"
jar.close()
return true
