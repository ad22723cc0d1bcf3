// IT slim-bootstrap-yml: slimming from conf/ark/bootstrap.yml (YAML lists) and its declared.libraries.whitelist
import java.util.jar.JarFile

def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'commons-io:commons-io:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
def declared = new JarFile(check.bizJar).manifest.mainAttributes.getValue('declared-libraries')
assert declared.split(',') as Set == ['slim-bootstrap-yml', 'lib-a', 'lib-b', 'lib-c', 'commons-lang3', 'commons-io', 'extra-lib'] as Set : "declared-libraries: $declared"
return true
