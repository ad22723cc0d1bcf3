// IT slim-includes: includes rescue an excluded jar (lib-c) and make a provided one (commons-io) packaged
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'dev.arkpack.it:lib-b:jar'], ['commons-io:commons-io:jar'], ['lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar', 'commons-io-2.11.0.jar'])
return true
