console.log('tributary', process.version)
